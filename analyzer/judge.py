"""Judge one note against a rubric: the library entry point ``analyze_text``.

No I/O happens here. The note becomes a ``Document``; each criterion's
``met`` then ``partial`` condition is evaluated (facts and other criteria are
computed on demand and remembered, with cycles refused); findings come last;
the score is the weighted share of met (and half-credited partial) criteria.
"""

from __future__ import annotations

import gc
import re
from operator import itemgetter

from . import rxcache
from .conditions import Hit, possible_patterns
from .document import Document
from .extractors import FactValue
from .language import alternation
from .prices import Price, find_prices
from .results import CriterionResult, Evidence, Finding, NoteResult
from .rubric import Rubric, load_rubric

MAX_EVIDENCE = 3
MAX_EVIDENCE_CHARS = 60
_STATUS_CREDIT = {"met": 1.0, "missing": 0.0}
_BY_PLACE = itemgetter(1, 2)


class RubricCycleError(Exception):
    pass


class Context:
    """The state of judging one note: the document, and memoised facts and criteria."""

    def __init__(self, doc: Document, rubric: Rubric) -> None:
        self.doc = doc
        self.rubric = rubric
        self._facts: dict[str, FactValue] = {}
        self._criteria: dict[str, tuple[str, list[Hit]]] = {}
        self._busy: set[str] = set()
        self._prices: list[Price] | None = None
        self._possible: int | None = None
        self._lex = rubric.normalised_lexicons()
        self._term_spans: dict = {}
        self._by_lexicon: dict | None = None
        self.results: dict[int, object] = {}  # condition results by memo id (see Condition)

    @property
    def possible_patterns(self) -> int:
        """Which of the rubric's patterns may match this note (see ``prefilter``)."""
        if self._possible is None:
            self._possible = possible_patterns(self.doc.norm)
        return self._possible

    @property
    def prices(self) -> list[Price]:
        if self._prices is None:
            self._prices = find_prices(self.doc, self.rubric.price_cues)
        return self._prices

    def term_spans(
        self, key: tuple[tuple[str, ...], tuple[str, ...]]
    ) -> list[tuple[str, int, int]]:
        """Where the words of these lexicons (and inline words) stand: cached per note."""
        spans = self._term_spans.get(key)
        if spans is None:
            names, words = key
            by_lexicon = self._lexicon_spans()
            if len(names) == 1 and not words:
                spans = by_lexicon.get(names[0], [])
            else:
                index = self.doc.token_ngrams
                spans = [t for n in names for t in by_lexicon.get(n, ())]
                for w in words:
                    spans.extend(("", s, e) for s, e in index.get(w, ()))
                spans.sort(key=_BY_PLACE)
            self._term_spans[key] = spans
        return spans

    def _lexicon_spans(self) -> dict[str, list[tuple[str, int, int]]]:
        """Every lexicon's words in the note, in note order: one pass over the note's words."""
        if self._by_lexicon is None:
            lexicons_of = self.rubric.word_lexicons()
            out: dict[str, list[tuple[str, int, int]]] = {}
            for w, places in self.doc.token_ngrams.items():
                for n in lexicons_of.get(w, ()):
                    spans = out.get(n)
                    if spans is None:
                        spans = out[n] = []
                    spans.extend([(n, s, e) for s, e in places])
            for spans in out.values():
                spans.sort()  # one lexicon's label throughout: by (start, end)
            self._by_lexicon = out
        return self._by_lexicon

    def terms_of(self, names: list[str], words: list[str]):
        for n in names:
            for w in self._lex.get(n, ()):
                yield n, w
        for w in words:
            yield "", w

    def heading_words(self, names: list[str], words: list[str]) -> tuple[str, ...]:
        """The words of these lexicons and inline words (cached on the rubric)."""
        key = ("words", tuple(names), tuple(words))
        got = self.rubric._from_lexicons.get(key)
        if got is None:
            got = self.rubric._from_lexicons[key] = tuple(w for _, w in self.terms_of(names, words))
        return got

    def replacement_pattern(self, names: list[str], words: list[str]) -> re.Pattern:
        """One regex of these lexicons' words, longest first (cached on the rubric)."""
        key = ("replace", tuple(names), tuple(words))
        rx = self.rubric._from_lexicons.get(key)
        if rx is None:
            from .normalize import normalise

            found = {w for _, w in self.terms_of(names, [normalise(w) for w in words])}
            rx = self.rubric._from_lexicons[key] = rxcache.compile(alternation(list(found)))
        return rx

    def person_regex(self, titles: list[str], nicknames: bool = True) -> re.Pattern:
        key = (*titles, nicknames)
        rx = self.rubric._from_lexicons.get(key)
        if rx is None:
            alt = alternation([w for _, w in self.terms_of(titles, [])])
            lang = self.rubric.language
            sur = re.escape(lang.surnames) or "x"
            nick = re.escape(lang.nickname_surnames) or "x"
            rx = rxcache.compile(
                rf"[{sur}](?:{alt})|[小老][{nick}]" if nicknames else rf"[{sur}](?:{alt})"
            )
            self.rubric._from_lexicons[key] = rx
        return rx

    def fact(self, name: str) -> FactValue:
        if name not in self._facts:
            key = f"fact:{name}"
            if key in self._busy:
                raise RubricCycleError(f"fact '{name}' depends on itself")
            self._busy.add(key)
            try:
                self._facts[name] = self.rubric.facts[name].extract(self)
            finally:
                self._busy.discard(key)
        return self._facts[name]

    def criterion(self, cid: str) -> tuple[str, list[Hit]]:
        if cid not in self._criteria:
            key = f"criterion:{cid}"
            if key in self._busy:
                raise RubricCycleError(f"criterion '{cid}' depends on itself")
            self._busy.add(key)
            try:
                crit = next(c for c in self.rubric.criteria if c.id == cid)
                status, hits = "missing", []
                for st, cond in (("met", crit.met), ("partial", crit.partial)):
                    if cond is None:
                        continue
                    r = cond.evaluate(self)
                    if r.ok:
                        status, hits = st, r.hits
                        break
                self._criteria[cid] = (status, hits)
            finally:
                self._busy.discard(key)
        return self._criteria[cid]


def _clause_of(doc: Document, h: Hit) -> tuple[int, int]:
    """A hit widened to its clause, so the rep reads 他预算3万 rather than 3万 (long clauses are cut)."""
    c = doc.clause_index(h.start)
    if c < 0 or h.kind in ("section", "speech"):
        return h.start, h.end
    cl = doc.seg.clauses[c]
    start, end = min(cl.start, h.start), max(cl.end, h.end)
    if end - start > MAX_EVIDENCE_CHARS:
        start = max(start, h.start - MAX_EVIDENCE_CHARS // 2)
        end = min(end, max(h.end, start + MAX_EVIDENCE_CHARS))
    return start, end


def _evidence(doc: Document, hits: list[Hit]) -> list[Evidence]:
    """The note's words that earned a status: clauses in note order, merged, at most three."""
    spans = sorted({_clause_of(doc, h) for h in hits if h.end > h.start})
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = [Evidence(doc.text[s:e], s, e) for s, e in merged]
    return out[:MAX_EVIDENCE]


def judge(doc: Document, rubric: Rubric, source: str = "-") -> NoteResult:
    ctx = Context(doc, rubric)
    results: list[CriterionResult] = []
    for crit in rubric.criteria:
        status, hits = ctx.criterion(crit.id)
        credit = rubric.partial_credit if status == "partial" else _STATUS_CREDIT[status]
        results.append(
            CriterionResult(
                id=crit.id,
                title=crit.title,
                status=status,
                weight=crit.weight,
                score=crit.weight * credit,
                level=crit.level,
                evidence=_evidence(doc, hits) if status != "missing" else [],
                message=crit.messages.get(status, ""),
                suggestion=crit.suggestions.get(status) if status != "met" else None,
            )
        )
    facts = {name: ctx.fact(name).value for name in rubric.facts}
    findings: list[Finding] = []
    for rule in rubric.findings:
        r = rule.when.evaluate(ctx)
        if r.ok:
            findings.append(
                Finding(rule.id, rule.title, rule.message, rule.level, _evidence(doc, r.hits))
            )
    total = rubric.total_weight
    score = round(100 * sum(r.score for r in results) / total) if total else 0
    return NoteResult(
        source=source,
        rubric=rubric.name,
        score=score,
        passed=score >= rubric.pass_score,
        criteria=results,
        facts=facts,
        diary=any(f.id == "diary" for f in findings),
        findings=findings,
        text=doc.text,
    )


def analyze_text(
    text: str, rubric: Rubric | str = "default", source: str = "-", max_chars: int | None = None
) -> NoteResult:
    """Judge one note. ``rubric`` is a loaded ``Rubric`` or a bundled name / path.

    A note longer than ``max_chars`` is judged on its first ``max_chars`` characters, with a
    ``truncated`` finding that says so; offsets stay offsets into ``text``.
    """
    if not isinstance(rubric, Rubric):
        rubric = _cached_rubric(str(rubric))
    judged = text if max_chars is None or len(text) <= max_chars else text[:max_chars]
    doc = Document(
        judged, rubric.segmenter.spans, rubric.language, rubric.word_set, rubric.automaton
    )
    result = judge(doc, rubric, source)
    if judged is not text:
        result.text = text
        result.findings.append(
            Finding(
                "truncated",
                "只评了前一部分",
                f"这篇有 {len(text)} 字，超过 {max_chars} 字，只评了前 {max_chars} 字。",
                "warning",
            )
        )
    return result


def prepare(rubric: Rubric | str = "default") -> Rubric:
    """Load what judging needs, then keep those long-lived objects out of the collector's way.

    Call once before a batch. It loads jieba's dictionary and the rubric's word automaton, and
    freezes everything alive (``gc.freeze``): each garbage collection during the batch then looks
    at the notes' own objects only, not at the rubric's tens of thousands (about 10% faster on a
    large batch), and forked workers share those pages instead of copying them.
    """
    if not isinstance(rubric, Rubric):
        rubric = _cached_rubric(str(rubric))
    analyze_text("准备", rubric)
    gc.freeze()
    return rubric


_RUBRICS: dict[str, Rubric] = {}


def _cached_rubric(ref: str) -> Rubric:
    if ref not in _RUBRICS:
        _RUBRICS[ref] = load_rubric(ref)
    return _RUBRICS[ref]
