"""A note prepared for matching: normalised text, tokens, segments, and the layers matchers share.

Building a ``Document`` is the "normalise and tokenise" stage of the flow.
Layers that not every rubric needs (amounts, time phrases, speakers) are
computed on first use and kept for the other matchers of the same note.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from . import rxcache
from .amounts import Amount, find_amounts
from .language import Language
from .lazy import lazy
from .normalize import normalise
from .segment import Segments, segment
from .timephrases import TimePhrase, find_times
from .tokenizer import Token

_MAX_NGRAM_TOKENS = 6
_MAX_NGRAM_CHARS = 16


# A name of a firm or brand holds no pronoun or particle (我们给 of 我们给的方案 is no name).
_NOT_IN_A_NAME = rxcache.compile(r"[我你他她咱您的了是给在和跟把被说要也都还就]")

_NO_UNITS: frozenset = frozenset()
_NOTE_UNITS = frozenset({0})


# Pronouns jieba glues to the one-character verb before them (发他, 约她, 给我).
_PRONOUNS = frozenset("他她我你它")
# A topic opens its clause, after at most a bullet or a 至于 / 关于 (关于价格，还没谈).
_TOPIC_LEAD = 3
_TOPIC_LEADERS = " \t-•·*>至于关于"
# How far the negated predicate may stand from the topic (价格按长江均价升水多少还没谈).
_TOPIC_REACH = 14


# Made by the dozen per note: slots, not frozen (a frozen dataclass is three times slower to make).
@dataclass(slots=True)
class SpeechCue:
    """Reported speech: who speaks (``customer`` / ``rep``), the cue, and what follows it."""

    speaker: str
    start: int
    end: int
    content_end: int


# 是否见到KP：否 / 有无竞品：无: a field that asks yes or no, and an answer of no.
_YES_NO_FIELD = ("是否", "有无", "有没有", "是不是")
_ANSWER_NO = rxcache.compile(r"[ \t\u3000]*(?:否|没有|没|未|无|不是|no\b|n\b|×|✘|✗)")


def _blank(m) -> str:
    return " " * (m.end() - m.start())


class Document:
    def __init__(
        self,
        text: str,
        tokens_of,
        language: Language,
        words: frozenset[str] = frozenset(),
        automaton=None,
    ) -> None:
        self.text = text
        self.words = words
        self.automaton = automaton  # an Aho-Corasick automaton of ``words`` (see Rubric.automaton)
        norm = normalise(text)
        if language.system_line_re is not None:
            # Offsets stay offsets into ``text``: a system line becomes spaces of its length.
            norm = language.system_line_re.sub(_blank, norm)
        self.norm = norm
        self.lang = language
        self.seg: Segments = segment(
            self.norm, language.symbol_headings, language.voice_fields, language.unfilled_re
        )
        # (word, start, end) per token: ``Token`` or a plain tuple, read by index here.
        self.tokens: list[Token] = tokens_of(self.norm) if self.norm.strip() else []
        self._negated: dict[tuple[int, int], bool] = {}
        self._units: dict[tuple[int, int, str], frozenset] = {}
        self._clause_units: dict[str, list[frozenset]] = {}

    # -- positions -------------------------------------------------------------

    def clause_index(self, offset: int) -> int:
        if 0 <= offset < len(self.seg.clause_at):
            return self.seg.clause_at[offset]
        return -1

    def clause_span(self, offset: int) -> tuple[int, int]:
        c = self.clause_index(offset)
        if c < 0:
            return offset, offset
        cl = self.seg.clauses[c]
        return cl.start, cl.end

    def heading_section(self, start: int) -> int | None:
        sections = self.seg.sections
        if not sections:
            return None
        i = bisect_right(self._heading_starts, start) - 1
        if i >= 0 and start < sections[i].heading_end:
            return i
        return None

    @lazy
    def _heading_starts(self) -> list[int]:
        return [s.heading_start for s in self.seg.sections]

    @lazy
    def clause_starts(self) -> list[int]:
        return [c.start for c in self.seg.clauses]

    def clauses_between(self, start: int, end: int) -> range:
        """Indexes of the clauses that start in ``[start, end)`` (clauses are in text order)."""
        starts = self.clause_starts
        return range(bisect_left(starts, start), bisect_left(starts, end))

    def clauses_overlapping(self, start: int, end: int) -> range:
        """Indexes of the clauses that overlap ``[start, end)``."""
        starts = self.clause_starts
        lo = max(0, bisect_right(starts, start) - 1)
        while lo < len(starts) and self.seg.clauses[lo].end <= start:
            lo += 1
        return range(lo, bisect_left(starts, end))

    @lazy
    def token_at(self) -> list[int]:
        """For each character, the index of the token it belongs to (-1 for none)."""
        at = [-1] * len(self.norm)
        for i, t in enumerate(self.tokens):
            at[t[1] : t[2]] = [i] * (t[2] - t[1])
        return at

    def in_empty_heading(self, start: int) -> bool:
        """A heading whose body is empty or says 无 / 未报 states nothing."""
        sec = self.heading_section(start)
        return sec is not None and self.seg.sections[sec].empty

    def units(self, start: int, end: int, within: str) -> frozenset:
        """The clause / sentence / section ids a span belongs to (headings project onto their body)."""
        key = (start, end, within)
        got = self._units.get(key)
        if got is None:
            got = self._units[key] = self._compute_units(start, end, within)
        return got

    def _compute_units(self, start: int, end: int, within: str) -> frozenset:
        if self.seg.sections:
            sec = self.heading_section(start)
            if sec is not None:
                return self._section_units(sec, within)
        c = self.clause_index(start)
        if c < 0:
            c = self.clause_index(max(start, end - 1))
        if c < 0:
            return _NO_UNITS
        per_clause = self._clause_units.get(within)
        if per_clause is None:
            per_clause = self._clause_units[within] = self._units_of_clauses(within)
        return per_clause[c]

    def _units_of_clauses(self, within: str) -> list[frozenset]:
        """The units of each clause for one window, made once per note and shared by its spans."""
        clauses = self.seg.clauses
        sentences = self.seg.sentences
        if within == "clause":
            return [frozenset({c}) for c in range(len(clauses))]
        if within == "note":
            return [_NOTE_UNITS] * len(clauses)
        if within == "sentence":
            per = [frozenset({i}) for i in range(len(sentences))]
        elif within == "nearby":
            # Windows of two consecutive sentences: spans share one when at most a sentence apart.
            per = [frozenset({i - 1, i}) for i in range(len(sentences))]
        else:  # section
            per = [
                frozenset({("s", s.section) if s.section is not None else ("n", i)})
                for i, s in enumerate(sentences)
            ]
        return [per[cl.sentence] for cl in clauses]

    def _section_units(self, sec: int, within: str) -> frozenset:
        section = self.seg.sections[sec]
        if section.empty:
            return frozenset()
        if within == "note":
            return frozenset({0})
        if within == "section":
            return frozenset({("s", sec)})
        idx = self.clauses_between(section.body_start, section.body_end)
        if within == "clause":
            return frozenset(idx)
        sentences = {self.seg.clauses[ci].sentence for ci in idx}
        if within == "nearby":
            return frozenset({w for s in sentences for w in (s - 1, s)})
        return frozenset(sentences)

    # -- tokens and terms ------------------------------------------------------

    @lazy
    def token_ngrams(self) -> dict[str, list[tuple[int, int]]]:
        """Where each rubric word stands in the note, on token boundaries only.

        A word matches only where jieba cut before and after it, so 总 never matches inside
        总结. One exception keeps rubric words whole when they overlap: jieba may cut
        本地/一家小厂 when both 本地一家 and 一家小厂 are rubric words, so the places inside a
        token that is itself a rubric word where another rubric word begins or ends count as
        cuts too. A word that is not the rubric's (总结) is never cut inside.
        """
        if self.automaton is None or not self.words:
            return {}
        matches = [(end + 1 - n, end + 1, w) for end, (w, n) in self.automaton.iter(self.norm)]
        tokens = self.tokens
        if not matches or not tokens:
            return {}
        starts = [t[1] for t in tokens]
        cuts = set(starts)
        cuts.add(tokens[-1][2])
        # A time phrase or an amount ends where it ends, even inside a jieba token (十点前|发).
        for span in (*self.times, *self.amounts):
            cuts.add(span.start)
            cuts.add(span.end)
        inside = {p for s, e, _ in matches for p in (s, e) if p not in cuts}
        if inside:
            # Only tokens that a rubric word starts or ends inside need a second look.
            ends_at: dict[int, list[int]] = {}
            for s, e, _ in matches:
                ends_at.setdefault(s, []).append(e)
            touched = sorted({bisect_right(starts, p) - 1 for p in inside})
            words = self.words
            inside_whole: set[int] = set()  # characters inside a rubric word jieba kept whole
            for i in touched:
                t = tokens[i]
                if t[0] in words:
                    if t[2] - t[1] > 2:
                        self._cut_overlaps(t, ends_at, cuts)
                        inside_whole.update(range(t[1], t[2]))
                    elif i and tokens[i - 1][0] not in words:
                        # 后/续约: a rubric word (后续) may end inside one jieba took for another.
                        self._retile(i, ends_at, cuts)
                else:
                    self._retile(i, ends_at, cuts)
            if inside_whole:
                # A single character inside a rubric word (价 in 性价比) is not said on its own;
                # the inner cuts serve the words that cross the token (本地一家 over 一家小厂).
                matches = [m for m in matches if m[1] - m[0] > 1 or m[0] not in inside_whole]
        index: dict[str, list[tuple[int, int]]] = {}
        for s, e, w in matches:
            if s in cuts and e in cuts:
                index.setdefault(w, []).append((s, e))
        return index

    @staticmethod
    def _cut_overlaps(t: Token, ends_at: dict[int, list[int]], cuts: set[int]) -> None:
        """Inside a rubric word jieba kept whole, where other rubric words begin or end."""
        t_start, t_end = t[1], t[2]
        for s in range(t_start, t_end):
            for e in ends_at.get(s, ()):
                if e <= t_end and (s, e) != (t_start, t_end):
                    cuts.add(s)
                    cuts.add(e)

    def _retile(self, i: int, ends_at: dict[int, list[int]], cuts: set[int]) -> None:
        """Cut where jieba glued a rubric word to a character that is not its own.

        jieba cuts 回头发资料 as 回/头发 and 十点前发简历 as 前发, hiding 回头 and 发. Where one or
        two tokens, at least one of them no rubric word, are tiled exactly by rubric words
        (回头 + 发), the tiles' edges count as cuts. 总结 stays whole: 结 is no rubric word. A
        one-character rubric word glued to a pronoun (发他, 约她), or to the surname of a person
        whose title follows (发黄|总, 发林|总微信), is cut from it.
        """
        t = self.tokens[i]
        if t[2] - t[1] == 2 and t[1] + 1 in ends_at.get(t[1], ()):
            second = t[0][1]
            # 发他 / 约她 / 发黄总: a one-character verb glued to whom it is for.
            if second in _PRONOUNS or (
                second in self.lang.surnames and self.norm.startswith(self.lang.titles_tuple, t[2])
            ):
                cuts.add(t[1] + 1)
                return
        windows = [(t[1], t[2])]
        if i:
            windows.append((self.tokens[i - 1][1], t[2]))
        for a, b in windows:
            if 2 <= b - a <= 6:
                path = self._tiling(a, b, ends_at)
                if path:
                    cuts.update(path)

    @staticmethod
    def _tiling(a: int, b: int, ends_at: dict[int, list[int]]) -> list[int] | None:
        """The cut points of the fewest rubric words that tile ``[a, b)`` exactly, or None."""
        best: dict[int, list[int]] = {a: [a]}
        for pos in range(a, b):
            path = best.get(pos)
            if path is None:
                continue
            for e in ends_at.get(pos, ()):
                if e <= b and (e not in best or len(best[e]) > len(path) + 1):
                    best[e] = [*path, e]
        path = best.get(b)
        return path if path is not None and len(path) > 2 else None

    @lazy
    def ngram_keys(self):
        return self.token_ngrams.keys()

    @lazy
    def token_starts(self) -> frozenset[int]:
        return frozenset(t[1] for t in self.tokens)

    @lazy
    def token_ends(self) -> frozenset[int]:
        return frozenset(t[2] for t in self.tokens)

    # -- placeholders, amounts, times -----------------------------------------

    @lazy
    def placeholders(self) -> list[tuple[int, int]]:
        return [
            m.span() for m in self.lang.placeholder_re.finditer(self.norm) if m.end() > m.start()
        ]

    @lazy
    def rival_mentions(self) -> list[tuple[str, int, int]]:
        """(name, start, end) of every mention of a name the note gives a rival, in note order."""
        lang = self.lang
        if not lang.rival_name_res:
            return []
        names: set[str] = set()
        norm = self.norm
        starts, ends = self.token_starts, self.token_ends
        time_starts = None
        for rx in lang.rival_name_res:
            for m in rx.finditer(norm):
                if m.start("name") not in starts or m.end("name") not in ends:
                    continue  # a name is whole tokens (宝钢/经销商, not 钢经销商; no 老板汇 of 老板汇报)
                name = m.group("name")
                if time_starts is None:
                    time_starts = {t.start for t in self.times}
                if m.start("name") in time_starts:
                    continue  # 今天报了价 / 上周报的: when, not who
                if (
                    len(name) >= 2
                    and not _NOT_IN_A_NAME.search(name)
                    and name not in lang.not_rival_names_set
                    and not lang.customer_subject_re.fullmatch(name)
                    and not lang.rep_subject_re.fullmatch(name)
                ):
                    names.add(name)
        out = []
        for name in names:
            at = norm.find(name)
            while at >= 0:
                out.append((name, at, at + len(name)))
                at = norm.find(name, at + len(name))
        out.sort(key=lambda t: (t[1], t[2]))
        return out

    def in_placeholder(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.placeholders)

    @lazy
    def amounts(self) -> list[Amount]:
        return find_amounts(self.norm, self.placeholders)

    @lazy
    def times(self) -> list[TimePhrase]:
        return find_times(self.norm, self.placeholders, self.clause_span)

    # -- negation --------------------------------------------------------------

    def is_negated(self, start: int, end: int) -> bool:
        """True when a negation cue in the same clause scopes over ``start:end``."""
        key = (start, end)
        memo = self._negated
        if key not in memo:
            memo[key] = self._is_negated(start, end)
        return memo[key]

    def _is_negated(self, start: int, end: int) -> bool:
        c = self.clause_index(start)
        if c < 0:
            return self._field_answered_no(start)
        clause = self.seg.clauses[c]
        reset_ends, cue_starts, cue_ends, short_by_end = self._negation_marks
        # The scope of a cue starts after the last reset (但/而是) before the span, in this clause.
        prefix_start = clause.start
        j = bisect_right(reset_ends, start) - 1
        if j >= 0 and reset_ends[j] > prefix_start:
            prefix_start = reset_ends[j]
        # Cues never overlap one another, so the last one ending before the span starts last too.
        k = bisect_right(cue_ends, start) - 1
        if k >= 0 and cue_starts[k] >= prefix_start:
            return True
        near = max(prefix_start, start - 3)
        for e in (start, start - 1):
            s = short_by_end.get(e)
            if s is not None and s >= near:
                return True
        post = self.lang.post_cue_re.match(self.norm, end, clause.end)
        if post and not self._inside_not_negation(end, post.end(), clause.start, clause.end):
            return True
        # 价格她没问 / 报价什么的还没谈 / 预算她没说: the clause opens with the term as its topic,
        # and its predicate is a negated "talk about".
        if start - clause.start <= _TOPIC_LEAD and not self.norm[clause.start : start].strip(
            _TOPIC_LEADERS
        ):
            topic = self.lang.topic_cue_re.search(self.norm, end, clause.end)
            return topic is not None and topic.start() - end <= _TOPIC_REACH
        return False

    def _field_answered_no(self, start: int) -> bool:
        """A form's yes-or-no field answered no (是否见到KP：否): what the field names did not happen."""
        sec = self.heading_section(start)
        if sec is None:
            return False
        s = self.seg.sections[sec]
        return s.heading.startswith(_YES_NO_FIELD) and bool(
            _ANSWER_NO.match(self.norm, s.body_start, s.body_end)
        )

    @lazy
    def _negation_marks(self) -> tuple[list[int], list[int], list[int], dict[int, int]]:
        """Every reset, cue and short cue of the note, none inside a not-negation word.

        Found with one regex pass each over the whole note, so each query is a bisect.
        """
        lang = self.lang
        norm = self.norm
        clause_at = self.seg.clause_at
        # Words that contain a cue but negate nothing (不错, 没想到).
        plain = [m.span() for m in lang.not_negation_re.finditer(norm)]
        plain_starts = [a for a, _ in plain]

        def negates(s: int, e: int) -> bool:
            i = bisect_left(plain_starts, e) - 1
            while i >= 0:
                a, b = plain[i]
                if b <= s:
                    break
                if (a <= s and e <= b) or b - a > e - s:
                    return False
                i -= 1
            return True

        def marks(rx) -> list[tuple[int, int]]:
            out = []
            for m in rx.finditer(norm):
                s, e = m.span()
                # A cue never reaches over a clause boundary.
                if e > s and clause_at[s] == clause_at[e - 1] and (not plain or negates(s, e)):
                    out.append((s, e))
            return out

        resets = marks(lang.reset_re)
        cues = marks(lang.cue_re)
        shorts = marks(lang.short_cue_re)
        return (
            [e for _, e in resets],
            [s for s, _ in cues],
            [e for _, e in cues],
            {e: s for s, e in shorts},
        )

    def _inside_not_negation(self, start: int, end: int, c_start: int, c_end: int) -> bool:
        for m in self.lang.not_negation_re.finditer(
            self.norm, max(c_start, start - 3), min(c_end, end + 3)
        ):
            if m.start() <= start and end <= m.end():
                return True
            if m.start() < end and start < m.end() and m.end() - m.start() > end - start:
                return True
        return False

    # -- speakers ----------------------------------------------------------------

    @lazy
    def speech(self) -> list[SpeechCue]:
        from .speech import find_speech

        return find_speech(self)

    @lazy
    def clause_speakers(self) -> list[str]:
        from .speech import clause_speakers

        return clause_speakers(self)

    def speaker_at(self, offset: int) -> str:
        c = self.clause_index(offset)
        return self.clause_speakers[c] if c >= 0 else "narration"

    def owned_by_rep(self, start: int) -> bool:
        """True for 我们老板 / 我司技术, and for a colleague the note names (陪新人小周去…小周说)."""
        if self.lang.own_side_re.search(self.norm, max(0, start - 4), start):
            return True
        return self.colleague_at(start)

    def colleague_at(self, start: int) -> bool:
        """A colleague the note introduced as ours is named at ``start``."""
        names = self.our_people
        return bool(names) and self.norm.startswith(names, start)

    def colleague_between(self, start: int, end: int) -> bool:
        """A colleague the note introduced as ours is named in ``[start, end)``."""
        return any(self.norm.find(n, start, end) >= 0 for n in self.our_people)

    @lazy
    def our_people(self) -> tuple[str, ...]:
        """Names of the rep's colleagues the note introduces as such (协访小施, 跟新人小何去)."""
        found = {
            m.group("name")
            for rx in self.lang.own_people_res
            for m in rx.finditer(self.norm)
            if m.group("name")
        }
        return tuple(sorted(found, key=len, reverse=True))
