r"""The condition language of a rubric: generic matchers composed with any / all / not.

A condition is a mapping. Composite forms::

    any: [cond, ...]                  # one of them
    all: [cond, ...]                  # all of them, in one window
    within: clause|sentence|nearby|section|note   # the window of ``all`` (default sentence;
                                      # nearby: the same or the next/previous sentence)
    not: cond                         # none of it (inside ``all``: not in that window)

Matchers (exactly one per mapping), with the options each accepts::

    terms: LEXICON | [words]          negated: no|yes|any, speaker: customer|rep|narration|any|not_rep|not_customer,
                                      side: customer|rep|any, min: N, unless_next / unless_prev / after / before: [words]
    person: TITLES                    a surname with a title of the lexicon (王总, 李经理) or 小刘 / 老周;
                                      nicknames: false leaves out 小刘 / 老周; same options as terms
    section: LEXICON | [words]        a section whose heading names one of them; min_chars: N of body,
                                      unless_heading: LEXICON | [words] (a heading that also names
                                      one of these belongs to another section: 需求分析 is no 分析)
    pattern: REGEX                    same options as terms (matched on the normalised text);
                                      \L<LEXICON> in it stands for any word of that lexicon
    amount: any|ours|customer|gap     min: N
    time: future|dated|present|past|clock|any | [kinds]   min: N
    speech: customer|rep              min_chars: N, ignore: LEXICON | [words] (not counted),
                                      verbs: [words] (only cues with one of these verbs)
    quantity: true                    negated, speaker, min
    placeholder: true
    rival: true                       every mention of a name the note gives a rival (用的是中普的 … 中普);
                                      same options as terms
    decider_met: TITLES               a person said to decide (最后黄董拍板) who was also met (见了…黄董);
                                      roles: LEXICON, decides / met_before / met_after / absent: [words]
    fact: NAME                        in: [values]  (default: known, i.e. not null / unknown)
    criterion: ID                     status: [met, partial, missing]

Every matcher returns hits (spans of the note); ``all`` keeps the hits of the
windows where every part holds. This module compiles and evaluates; the
language layers (negation, speakers, amounts, times) live in ``document``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from . import rxcache
from .language import alternation

if TYPE_CHECKING:
    from .judge import Context

# The rubric's lexicons by name, as written in the YAML: what ``terms: NAME`` and ``\L<NAME>`` read.
Lexicons = Mapping[str, Sequence[str]]

WINDOWS = ("clause", "sentence", "nearby", "section", "note")
SPEAKERS = ("customer", "rep", "narration", "any", "not_rep", "not_customer")
TIME_KINDS = ("future", "dated", "present", "past", "clock", "any")
AMOUNT_ROLES = ("any", "ours", "customer", "gap")
STATUSES = ("met", "partial", "missing")

_CONTENT_CHAR = rxcache.compile(r"[\u4e00-\u9fffa-z0-9]")
_QUANTITY = rxcache.compile(
    r"(?:\d+(?:\.\d+)?|好几|(?<![一二两三四五六七八九十百千万半几好])(?!几(?![十百千万]))[一二两三四五六七八九十百千万半几]+)\s*"
    r"(?:个|天|人|次|小时|台|家|倍|成|%|万|千|百|套|单|年|月|周|分钟|块|元|位|名|条|张|辆|吨|箱|件|份|"
    r"层|店|门店|项|款|车|趟|批|米|平|公斤|斤|kg|w|k|来号人|级|档|个点|个百分点|分|秒|毛|角|间|亩|路|樘|支|双|袋|桶|瓶|回|℃|°|μm|mm|微米|毫米)"
)


class Hit(NamedTuple):
    """A span of the note that a matcher found (a tuple: a note makes hundreds of them)."""

    start: int
    end: int
    kind: str
    label: str = ""
    value: Any = None


@dataclass
class Result:
    ok: bool
    hits: list[Hit] = field(default_factory=list)


class ConditionError(Exception):
    """A rubric condition that cannot be compiled: ``where`` is the offending mapping, ``key`` its key."""

    def __init__(self, where: Any, key: str, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.key = key
        self.message = message


class Condition:
    # Conditions compiled from the same YAML share one id, and a note evaluates each id once:
    # a rubric asks for the same thing in many places (a pain in a clause, a size, a date).
    memo_id: int | None = None

    def evaluate(self, ctx: Context) -> Result:
        if self.memo_id is None:
            return self._evaluate(ctx)
        memo = ctx.results
        r = memo.get(self.memo_id)
        if r is None:
            r = memo[self.memo_id] = self._evaluate(ctx)
        return r

    def _evaluate(self, ctx: Context) -> Result:  # pragma: no cover - interface
        raise NotImplementedError

    def lexicons(self) -> set[str]:
        return set()

    def references(self) -> tuple[set[str], set[str]]:
        """(facts, criteria) this condition refers to."""
        return set(), set()


# -- composites ----------------------------------------------------------------


@dataclass
class AnyOf(Condition):
    parts: list[Condition]

    def _evaluate(self, ctx: Context) -> Result:
        # The first part that holds decides, and its hits are the evidence; the rest need not run.
        for p in self.parts:
            r = p.evaluate(ctx)
            if r.ok:
                return r
        return Result(False)

    def evaluate_all(self, ctx: Context) -> Result:
        """The hits of every part that holds: inside a window, any of them may be the one that
        shares it with the other parts (温州那家 far away, 现在用的是… right next to our claim)."""
        key = ("all", self.memo_id if self.memo_id is not None else id(self))
        r = ctx.results.get(key)
        if r is None:
            hits = [h for p in self.parts for h in _hits_if_ok(p.evaluate(ctx))]
            r = ctx.results[key] = Result(bool(hits), hits)
        return r

    def lexicons(self) -> set[str]:
        return set().union(*(p.lexicons() for p in self.parts))

    def references(self) -> tuple[set[str], set[str]]:
        return _union_refs(self.parts)


@dataclass
class AllOf(Condition):
    parts: list[Condition]
    within: str = "sentence"

    def __post_init__(self) -> None:
        self.positives = [p for p in self.parts if not isinstance(p, Not)]
        self.negatives = [p.part for p in self.parts if isinstance(p, Not)]
        self.has_any = self.within != "note" and any(isinstance(p, AnyOf) for p in self.positives)

    def _evaluate(self, ctx: Context) -> Result:
        r, no_common_window = self._in_window(ctx, every_alternative=False)
        if no_common_window and self.has_any:
            # The first alternative that held shares no window with the rest; another may
            # (那家 two sentences off, 他们现在是… next to our claim).
            r, _ = self._in_window(ctx, every_alternative=True)
        return r

    def _in_window(self, ctx: Context, every_alternative: bool) -> tuple[Result, bool]:
        """The result, and whether every part held but they shared no window."""
        doc = ctx.doc
        positives = self.positives
        negatives = self.negatives
        results = []
        for p in positives:
            if every_alternative and isinstance(p, AnyOf):
                r = p.evaluate_all(ctx)
            else:
                r = p.evaluate(ctx)
            if not r.ok:
                return Result(False), False  # the rest need not be looked at
            results.append(r)
        if self.within == "note" or not positives:
            for n in negatives:
                if n.evaluate(ctx).ok:
                    return Result(False), False
            return Result(True, [h for r in results for h in r.hits]), False
        unit_sets = []
        for r in results:
            units: set = set()
            for h in r.hits:
                units |= doc.units(h.start, h.end, self.within)
            unit_sets.append(units)
        common = set.intersection(*unit_sets) if unit_sets else set()
        for n in negatives:
            r = n.evaluate(ctx)
            for h in r.hits:
                common -= doc.units(h.start, h.end, self.within)
        if not common:
            return Result(False), True
        hits = [
            h for r in results for h in r.hits if doc.units(h.start, h.end, self.within) & common
        ]
        return Result(True, hits), False

    def lexicons(self) -> set[str]:
        return set().union(*(p.lexicons() for p in self.parts))

    def references(self) -> tuple[set[str], set[str]]:
        return _union_refs(self.parts)


@dataclass
class Not(Condition):
    part: Condition

    def _evaluate(self, ctx: Context) -> Result:
        return Result(not self.part.evaluate(ctx).ok)

    def lexicons(self) -> set[str]:
        return self.part.lexicons()

    def references(self) -> tuple[set[str], set[str]]:
        return self.part.references()


def _hits_if_ok(r: Result) -> list[Hit]:
    return r.hits if r.ok else []


def _union_refs(parts: list[Condition]) -> tuple[set[str], set[str]]:
    facts: set[str] = set()
    crits: set[str] = set()
    for p in parts:
        f, c = p.references()
        facts |= f
        crits |= c
    return facts, crits


# -- span filters shared by term-like matchers -------------------------------------


@dataclass(frozen=True)
class SpanFilter:
    negated: str = "no"  # no | yes | any
    speaker: str = "any"
    side: str = "any"
    min: int = 1
    unless_next: tuple[str, ...] = ()
    unless_prev: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # one of these words must stand right before the hit
    before: tuple[str, ...] = ()  # one of these words must stand right after the hit

    def keep(self, ctx: Context, start: int, end: int) -> bool:
        doc = ctx.doc
        if (doc.placeholders and doc.in_placeholder(start, end)) or (
            doc.seg.sections and doc.in_empty_heading(start)
        ):
            return False
        if self.unless_next and doc.norm.startswith(self.unless_next, end):
            return False
        if self.unless_prev and any(doc.norm.endswith(w, 0, start) for w in self.unless_prev):
            return False
        if self.after and not any(doc.norm.endswith(w, 0, start) for w in self.after):
            return False
        if self.before and not doc.norm.startswith(self.before, end):
            return False
        if self.negated != "any":
            neg = doc.is_negated(start, end)
            if neg != (self.negated == "yes"):
                return False
        if self.speaker != "any":
            who = doc.speaker_at(start)
            if self.speaker.startswith("not_"):
                if who == self.speaker[4:]:
                    return False
            elif who != self.speaker:
                return False
        if self.side != "any":
            rep_side = doc.owned_by_rep(start)
            if rep_side != (self.side == "rep"):
                return False
        return True

    def result(self, hits: list[Hit]) -> Result:
        if self.min <= 1:
            return Result(bool(hits) or self.min == 0, hits)
        distinct = {(h.start, h.end) for h in hits}
        return Result(len(distinct) >= self.min, hits if len(distinct) >= self.min else [])


_MEMO_IDS: dict[Any, int] = {}


def memo_id(key: Any) -> int:
    """The shared id of conditions with this structure (see ``Condition.memo_id``)."""
    return _MEMO_IDS.setdefault(key, len(_MEMO_IDS))


@dataclass
class Terms(Condition):
    names: list[str]
    words: list[str]
    filt: SpanFilter

    def __post_init__(self) -> None:
        from .normalize import normalise

        self.words = [normalise(w) for w in self.words]
        self.key = (tuple(self.names), tuple(self.words))
        # The same words with the same filter, however they were spelled in the YAML.
        self.memo_id = memo_id(("terms", self.key, self.filt))

    def _evaluate(self, ctx: Context) -> Result:
        spans = ctx.term_spans(self.key)
        if not spans:
            return Result(self.filt.min == 0)
        keep = self.filt.keep
        return self.filt.result(
            [Hit(s, e, "term", label) for label, s, e in spans if keep(ctx, s, e)]
        )

    def lexicons(self) -> set[str]:
        return set(self.names)


# Every pattern compiled so far, by slot: one scan of a note for their literals (``prefilter``)
# then says which of them can match it at all.
_PATTERNS: list[re.Pattern] = []
_SLOTS: dict[str, int] = {}
_PREFILTER: list = [None]


def _slot(regex: re.Pattern) -> int:
    slot = _SLOTS.get(regex.pattern)
    if slot is None:
        slot = _SLOTS[regex.pattern] = len(_PATTERNS)
        _PATTERNS.append(regex)
    return slot


def compiled_patterns() -> list[re.Pattern]:
    """Every pattern compiled so far, by slot."""
    return list(_PATTERNS)


def build_prefilter() -> None:
    """Scan for the literals of every pattern compiled so far (see ``possible_patterns``)."""
    from .prefilter import Prefilter

    _PREFILTER[0] = Prefilter(compiled_patterns())


# Building the scan costs about what scanning fifty notes with every pattern does: a process
# builds it once it has judged this many notes, so judging one note starts no slower.
BUILD_AFTER = 32
_NOTES_SEEN = [0]


def possible_patterns(text: str) -> int:
    """A bit mask over pattern slots: bit i is set when pattern i may match ``text``.

    Every bit is set until the scan is built, and for a pattern compiled after it was built."""
    pf = _PREFILTER[0]
    if pf is None:
        _NOTES_SEEN[0] += 1
        if _NOTES_SEEN[0] < BUILD_AFTER:
            return -1
        build_prefilter()
        pf = _PREFILTER[0]
    return pf.possible(text) | (-1 << pf.size)


@dataclass
class Pattern(Condition):
    regex: re.Pattern
    filt: SpanFilter

    def __post_init__(self) -> None:
        self.slot = _slot(self.regex)
        self.memo_id = memo_id(("pattern", self.regex.pattern, self.filt))

    def _evaluate(self, ctx: Context) -> Result:
        if not (ctx.possible_patterns >> self.slot) & 1:
            return self.filt.result([])
        hits = [
            Hit(m.start(), m.end(), "pattern")
            for m in self.regex.finditer(ctx.doc.norm)
            if m.end() > m.start() and self.filt.keep(ctx, m.start(), m.end())
        ]
        return self.filt.result(hits)


@dataclass
class Person(Condition):
    """Honorific names: a surname with a title (王总, 李经理, 张工) or, with nicknames, 小刘 / 老周."""

    titles: list[str]
    filt: SpanFilter
    nicknames: bool = True

    def _evaluate(self, ctx: Context) -> Result:
        rx = ctx.person_regex(self.titles, self.nicknames)
        hits = [
            Hit(m.start(), m.end(), "person")
            for m in rx.finditer(ctx.doc.norm)
            if self.filt.keep(ctx, m.start(), m.end())
        ]
        return self.filt.result(hits)

    def lexicons(self) -> set[str]:
        return set(self.titles)


@dataclass
class SectionMatch(Condition):
    """A section whose heading names one of the words, with a body that says something."""

    names: list[str]
    words: list[str]
    min_chars: int = 1
    unless_names: list[str] = field(default_factory=list)
    unless_words: list[str] = field(default_factory=list)

    def _evaluate(self, ctx: Context) -> Result:
        doc = ctx.doc
        if not doc.seg.sections:
            return Result(False)
        wanted = ctx.heading_words(self.names, self.words)
        others = (
            ctx.heading_words(self.unless_names, self.unless_words)
            if self.unless_names or self.unless_words
            else ()
        )
        hits = []
        for sec in doc.seg.sections:
            if sec.empty or not any(w in sec.heading for w in wanted):
                continue
            if others and any(w in sec.heading for w in others):
                continue
            body = doc.norm[sec.body_start : sec.body_end]
            if len(re.findall(r"[\u4e00-\u9fffa-z0-9]", body)) >= self.min_chars:
                end = sec.body_end
                while end > sec.body_start and doc.norm[end - 1].isspace():
                    end -= 1
                hits.append(Hit(sec.body_start, end, "section", sec.heading))
        return Result(bool(hits), hits)

    def lexicons(self) -> set[str]:
        return set(self.names) | set(self.unless_names)


@dataclass
class Quantity(Condition):
    filt: SpanFilter

    def _evaluate(self, ctx: Context) -> Result:
        hits = [
            Hit(m.start(), m.end(), "quantity")
            for m in _QUANTITY.finditer(ctx.doc.norm)
            if self.filt.keep(ctx, m.start(), m.end())
        ]
        return self.filt.result(hits)


@dataclass
class AmountMatch(Condition):
    role: str
    min: int = 1

    def _evaluate(self, ctx: Context) -> Result:
        hits = [
            Hit(p.start, p.end, "amount", p.role, p.value)
            for p in ctx.prices
            if self.role == "any" or p.role == self.role
        ]
        return Result(len(hits) >= self.min, hits)


@dataclass
class TimeMatch(Condition):
    kinds: tuple[str, ...]
    min: int = 1

    def _evaluate(self, ctx: Context) -> Result:
        hits = [
            Hit(t.start, t.end, "time", t.kind)
            for t in ctx.doc.times
            if "any" in self.kinds or t.kind in self.kinds
        ]
        return Result(len(hits) >= self.min, hits)


@dataclass
class SpeechMatch(Condition):
    speaker: str
    min_chars: int = 4
    # Words that say nothing of substance (考虑一下, 再说): not counted towards min_chars.
    ignore_names: list[str] = field(default_factory=list)
    ignore_words: list[str] = field(default_factory=list)
    # Only cues whose verb is one of these (判断, 觉得: a judgement, not 我跟他说).
    verbs: tuple[str, ...] = ()

    def _evaluate(self, ctx: Context) -> Result:
        doc = ctx.doc
        hits = []
        ignore = None
        for cue in doc.speech:
            if cue.speaker != self.speaker:
                continue
            if self.verbs and not doc.norm.endswith(self.verbs, cue.start, cue.end):
                continue
            content = doc.norm[cue.end : cue.content_end]
            if self.ignore_names or self.ignore_words:
                if ignore is None:
                    ignore = ctx.replacement_pattern(self.ignore_names, self.ignore_words)
                content = ignore.sub("", content)
            if len(_CONTENT_CHAR.findall(content)) >= self.min_chars:
                hits.append(Hit(cue.start, cue.content_end, "speech", cue.speaker))
        return Result(bool(hits), hits)

    def lexicons(self) -> set[str]:
        return set(self.ignore_names)


@dataclass
class RivalMatch(Condition):
    """Every mention of a name the note itself gives a rival or the current supplier (中普, 安泰)."""

    filt: SpanFilter

    def _evaluate(self, ctx: Context) -> Result:
        keep = self.filt.keep
        hits = [Hit(s, e, "rival", n) for n, s, e in ctx.doc.rival_mentions if keep(ctx, s, e)]
        return self.filt.result(hits)


# An English given name as written (Frank, Vivian): capitalised in the note as typed.
_ENGLISH_NAME = rxcache.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,11}(?![A-Za-z])")
# Between a decider and the verb: 黄董最后拍板, 他一个人定, 何总是拍板的人.
_DECIDER_ADVERBS = rxcache.compile(r"(?:也|就|来|才|最后|最终|亲自|一个人|就是|是)*")


@dataclass
class DeciderMet(Condition):
    """A person the note says decides (最后黄董拍板, 得Frank点头) whom it also says was met.

    People are honorific names of the title lexicons (黄董, 周院长), words of the role lexicons
    (老板, 厂长) and English given names; one person is one spelling. The decider stands right
    before a word of ``decides`` (or after 拍板的是); a mention counts as met where a word of
    ``met_before`` stands before it in its clause, or a word of ``met_after`` follows it in its
    clause, or its section's heading names a word of ``met_before`` (拜访对象：…); a word of
    ``absent`` in the clause (没见到, 下次, 等) says the person was not met there.
    """

    titles: list[str]
    roles: list[str]
    role_words: list[str]
    decides: tuple[str, ...]
    met_before: tuple[str, ...]
    met_after: tuple[str, ...]
    absent: tuple[str, ...]

    def __post_init__(self) -> None:
        alt = (
            "|".join(re.escape(w) for w in sorted(self.decides, key=len, reverse=True)) or "(?!x)x"
        )
        # Right after the person (黄董最后拍板), or naming them (拍板的是黄董).
        self._decides_after = rxcache.compile(rf"{_DECIDER_ADVERBS.pattern}(?:{alt})(?!不|了不)")
        self._decides_before = rxcache.compile(rf"(?:{alt})(?:的是|的人是|的就是)$")

    def _evaluate(self, ctx: Context) -> Result:
        doc = ctx.doc
        norm = doc.norm
        people: list[tuple[int, int, str]] = [
            (m.start(), m.end(), m.group()) for m in ctx.person_regex(self.titles).finditer(norm)
        ]
        people += [
            (s, e, norm[s:e])
            for _, s, e in ctx.term_spans((tuple(self.roles), tuple(self.role_words)))
        ]
        if doc.text != norm:  # only a note with capitals (or traditional characters) has names
            people += [
                (m.start(), m.end(), norm[m.start() : m.end()])
                for m in _ENGLISH_NAME.finditer(doc.text)
            ]
        people.sort(key=lambda p: (p[0], -p[1]))
        whole: list[tuple[int, int, str]] = []
        for p in people:
            if whole and p[1] <= whole[-1][1]:
                continue  # 经理 inside 总经理, 总 inside 陈总
            whole.append(p)
        people = whole
        if len(people) < 2:
            return Result(False)
        said_to_decide = {(s, e): name for s, e, name in people if self._decides(doc, s, e)}
        if not said_to_decide:
            return Result(False)
        deciders = set(said_to_decide.values())
        # The mention that says who decides (要总经理批) is not where they were met, unless
        # the same clause says they were there (老板娘拍板，今天也在).
        hits = [
            Hit(s, e, "decider_met")
            for s, e, name in people
            if name in deciders and self._met(doc, s, e, (s, e) in said_to_decide)
        ]
        return Result(bool(hits), hits)

    def _decides(self, doc, start: int, end: int) -> bool:
        norm = doc.norm
        c_start, c_end = doc.clause_span(start)
        if self._decides_after.match(norm, end, c_end):
            return not norm.endswith(("不是", "不由", "不用"), c_start, start)
        return bool(self._decides_before.search(norm, c_start, start))

    def _met(self, doc, start: int, end: int, decides_here: bool) -> bool:
        norm = doc.norm
        c_start, c_end = doc.clause_span(start)
        before = norm[c_start:start]
        if any(w in before or w in norm[end:c_end] for w in self.absent):
            return False
        if any(w in norm[end:c_end] for w in self.met_after):
            return True
        if decides_here:
            return False
        if any(w in before for w in self.met_before):
            return True
        i = doc.clause_index(start)
        if i >= 0:
            sec = doc.seg.sentences[doc.seg.clauses[i].sentence].section
            if sec is not None:
                heading = doc.seg.sections[sec].heading
                return any(w in heading for w in self.met_before)
        return False

    def lexicons(self) -> set[str]:
        return set(self.titles) | set(self.roles)


@dataclass
class PlaceholderMatch(Condition):
    def _evaluate(self, ctx: Context) -> Result:
        hits = [Hit(s, e, "placeholder") for s, e in ctx.doc.placeholders]
        return Result(bool(hits), hits)


@dataclass
class FactMatch(Condition):
    name: str
    values: tuple[Any, ...] | None

    def _evaluate(self, ctx: Context) -> Result:
        fact = ctx.fact(self.name)
        v = fact.value
        ok = v not in (None, "unknown") if self.values is None else v in self.values
        return Result(ok, list(fact.hits) if ok else [])

    def references(self) -> tuple[set[str], set[str]]:
        return {self.name}, set()


@dataclass
class CriterionMatch(Condition):
    criterion: str
    statuses: tuple[str, ...]

    def _evaluate(self, ctx: Context) -> Result:
        status, hits = ctx.criterion(self.criterion)
        ok = status in self.statuses
        return Result(ok, list(hits) if ok else [])

    def references(self) -> tuple[set[str], set[str]]:
        return set(), {self.criterion}


def walk(cond: Condition):
    """Every condition inside ``cond``, itself included."""
    yield cond
    if isinstance(cond, AnyOf | AllOf):
        for p in cond.parts:
            yield from walk(p)
    elif isinstance(cond, Not):
        yield from walk(cond.part)


# -- compiling -------------------------------------------------------------------

_FILTER_KEYS = {
    "negated",
    "speaker",
    "side",
    "min",
    "unless_next",
    "unless_prev",
    "after",
    "before",
}
MATCHERS: dict[str, set[str]] = {
    "terms": _FILTER_KEYS,
    "person": _FILTER_KEYS | {"nicknames"},
    "section": {"min_chars", "unless_heading"},
    "pattern": _FILTER_KEYS,
    "quantity": _FILTER_KEYS,
    "amount": {"min"},
    "time": {"min"},
    "speech": {"min_chars", "ignore", "verbs"},
    "placeholder": set(),
    "rival": _FILTER_KEYS,
    "decider_met": {"roles", "decides", "met_before", "met_after", "absent"},
    "fact": {"in"},
    "criterion": {"status"},
}
COMPOSITES = {"any", "all", "not"}


def compile_condition(node: Any, lexicons: Lexicons) -> Condition:
    cond = _compile(node, lexicons)
    if cond.memo_id is None:
        if isinstance(cond, AnyOf | AllOf):
            key: Any = (type(cond).__name__, getattr(cond, "within", ""))
            key += tuple(p.memo_id for p in cond.parts)
        elif isinstance(cond, Not):
            key = ("not", cond.part.memo_id)
        else:
            key = json.dumps(node, sort_keys=True, ensure_ascii=False, default=str)
        cond.memo_id = memo_id(key)
    return cond


def _compile(node: Any, lexicons: Lexicons) -> Condition:
    if isinstance(node, list):
        return AnyOf([compile_condition(n, lexicons) for n in node])
    if not isinstance(node, dict):
        raise ConditionError(node, "", f"a condition must be a mapping, got {_kind(node)}")
    keys = set(node)
    composite = keys & COMPOSITES
    matcher = keys & set(MATCHERS)
    if len(composite) + len(matcher) != 1:
        unknown = sorted(
            keys
            - COMPOSITES
            - set(MATCHERS)
            - _FILTER_KEYS
            - {"within", "in", "status", "min_chars"}
        )
        if unknown:
            raise ConditionError(
                node,
                unknown[0],
                f"unknown matcher '{unknown[0]}' (known: {', '.join(sorted(MATCHERS) + sorted(COMPOSITES))})",
            )
        raise ConditionError(node, "", "a condition needs exactly one matcher or any/all/not")
    if composite:
        key = composite.pop()
        allowed = {key, "within"} if key == "all" else {key}
        _no_extra(node, allowed)
        if key == "not":
            return Not(compile_condition(node["not"], lexicons))
        items = node[key]
        if not isinstance(items, list) or not items:
            raise ConditionError(node, key, f"'{key}' needs a non-empty list of conditions")
        parts = [compile_condition(n, lexicons) for n in items]
        if key == "any":
            return AnyOf(parts)
        within = node.get("within", "sentence")
        if within not in WINDOWS:
            raise ConditionError(node, "within", f"'within' must be one of {', '.join(WINDOWS)}")
        return AllOf(parts, within)
    key = matcher.pop()
    _no_extra(node, {key} | MATCHERS[key])
    value = node[key]
    if key == "section":
        names, words = _terms(node, value, lexicons, key)
        unless_names, unless_words = (
            _terms(node, node["unless_heading"], lexicons, "unless_heading")
            if "unless_heading" in node
            else ([], [])
        )
        return SectionMatch(names, words, _int(node, "min_chars", 1), unless_names, unless_words)
    if key in ("terms", "pattern", "quantity", "person"):
        filt = _filter(node)
        if key == "terms":
            names, words = _terms(node, value, lexicons)
            return Terms(names, words, filt)
        if key == "person":
            names, words = _terms(node, value, lexicons, key)
            if words:
                raise ConditionError(node, key, "'person' takes the name of a lexicon of titles")
            nicknames = node.get("nicknames", True)
            if not isinstance(nicknames, bool):
                raise ConditionError(node, "nicknames", "'nicknames' must be true or false")
            return Person(names, filt, nicknames)
        if key == "pattern":
            if not isinstance(value, str):
                raise ConditionError(node, key, "'pattern' must be a regular expression string")
            try:
                return Pattern(rxcache.compile(_expand_lists(node, value, lexicons)), filt)
            except re.error as e:
                raise ConditionError(node, key, f"bad regular expression: {e}") from None
        return Quantity(filt)
    if key == "amount":
        if value not in AMOUNT_ROLES:
            raise ConditionError(node, key, f"'amount' must be one of {', '.join(AMOUNT_ROLES)}")
        return AmountMatch(value, _int(node, "min", 1))
    if key == "time":
        kinds = tuple(value) if isinstance(value, list) else (value,)
        bad = [k for k in kinds if k not in TIME_KINDS]
        if bad:
            raise ConditionError(
                node, key, f"'time' kinds are {', '.join(TIME_KINDS)}, not '{bad[0]}'"
            )
        return TimeMatch(kinds, _int(node, "min", 1))
    if key == "speech":
        if value not in ("customer", "rep"):
            raise ConditionError(node, key, "'speech' must be customer or rep")
        names, words = (
            _terms(node, node["ignore"], lexicons, "ignore") if "ignore" in node else ([], [])
        )
        return SpeechMatch(value, _int(node, "min_chars", 4), names, words, _words(node, "verbs"))
    if key == "placeholder":
        return PlaceholderMatch()
    if key == "rival":
        return RivalMatch(_filter(node))
    if key == "decider_met":
        titles, words = _terms(node, value, lexicons, key)
        roles, role_words = (
            _terms(node, node["roles"], lexicons, "roles") if "roles" in node else ([], [])
        )
        if words:
            raise ConditionError(node, key, "'decider_met' takes the name of a lexicon of titles")
        return DeciderMet(
            titles,
            roles,
            role_words,
            _words(node, "decides"),
            _words(node, "met_before"),
            _words(node, "met_after"),
            _words(node, "absent"),
        )
    if key == "fact":
        if not isinstance(value, str):
            raise ConditionError(node, key, "'fact' must name a fact")
        values = node.get("in")
        if values is not None and not isinstance(values, list):
            raise ConditionError(node, "in", "'in' must be a list of values")
        return FactMatch(value, tuple(values) if values is not None else None)
    if key == "criterion":
        statuses = node.get("status", ["met"])
        statuses = statuses if isinstance(statuses, list) else [statuses]
        bad = [s for s in statuses if s not in STATUSES]
        if bad:
            raise ConditionError(
                node, "status", f"status must be met, partial or missing, not '{bad[0]}'"
            )
        return CriterionMatch(str(value), tuple(statuses))
    raise ConditionError(node, key, f"unknown matcher '{key}'")  # pragma: no cover


def _terms(
    node: dict, value: Any, lexicons: Lexicons, key: str = "terms"
) -> tuple[list[str], list[str]]:
    """A lexicon name, or a list of words and lexicon names."""
    names: list[str] = []
    words: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, str) or not item:
            raise ConditionError(node, key, f"'{key}' takes a lexicon name or a list of words")
        if item in lexicons:
            names.append(item)
        elif isinstance(value, list):
            words.append(item)
        else:
            raise ConditionError(node, key, f"unknown lexicon '{item}'")
    return names, words


# \L<name> in a pattern, as the ``regex`` module spells a named list. In a double-quoted YAML
# string \L is an escape of its own (U+2028, a line separator no pattern means literally), so that
# spelling is read as the named list too.
_NAMED_LIST = re.compile("(?:\\\\L|\u2028)<([^<>]*)>")


def _expand_lists(node: dict, value: str, lexicons: Lexicons) -> str:
    """A pattern with each ``\\L<lexicon>`` replaced by the alternation of that lexicon's words.

    One list of titles then serves every pattern that names a superior (要问合伙人, 得跟主任讲), and
    a word added to the lexicon reaches them all.
    """

    def words(m: re.Match) -> str:
        name = m.group(1)
        if name not in lexicons:
            raise ConditionError(node, "pattern", f"unknown lexicon '{name}' in \\L<{name}>")
        return f"(?:{alternation(str(w) for w in lexicons[name])})"

    return _NAMED_LIST.sub(words, value)


def _filter(node: dict) -> SpanFilter:
    negated = node.get("negated", "no")
    if isinstance(negated, bool):
        negated = "yes" if negated else "no"
    if negated not in ("no", "yes", "any"):
        raise ConditionError(node, "negated", "'negated' must be no, yes or any")
    speaker = node.get("speaker", "any")
    if speaker not in SPEAKERS:
        raise ConditionError(node, "speaker", f"'speaker' must be one of {', '.join(SPEAKERS)}")
    side = node.get("side", "any")
    if side not in ("customer", "rep", "any"):
        raise ConditionError(node, "side", "'side' must be customer, rep or any")
    return SpanFilter(
        negated,
        speaker,
        side,
        _int(node, "min", 1),
        _words(node, "unless_next"),
        _words(node, "unless_prev"),
        _words(node, "after"),
        _words(node, "before"),
    )


def _words(node: dict, key: str) -> tuple[str, ...]:
    from .normalize import normalise

    v = node.get(key, [])
    v = [v] if isinstance(v, str) else v
    if not isinstance(v, list) or not all(isinstance(w, str) and w for w in v):
        raise ConditionError(node, key, f"'{key}' must be a list of words")
    return tuple(normalise(w) for w in v)


def _int(node: dict, key: str, default: int) -> int:
    v = node.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ConditionError(node, key, f"'{key}' must be a whole number, got {v!r}")
    return v


def _no_extra(node: dict, allowed: set[str]) -> None:
    extra = sorted(set(node) - allowed)
    if extra:
        raise ConditionError(
            node,
            extra[0],
            f"'{extra[0]}' is not an option here (allowed: {', '.join(sorted(allowed))})",
        )


def _kind(v: Any) -> str:
    return {
        str: "a string",
        int: "a number",
        float: "a number",
        list: "a list",
        bool: "a boolean",
    }.get(type(v), type(v).__name__)
