"""Which amounts of a note are prices, and whose: ours, the customer's, or the gap between them.

The role of an amount comes from the cue words before it in its clause (since
the previous amount), never from the order of appearance: a gap word right
before it (差了 8千) makes it the gap; else the nearest word that names a side
(我们报 → ours; 预算, 心理价位, 友商, 那家 → the customer's); else a word that
only says "price" or "quoted" (单价, 每月, 报的, 给到) takes the side named
earlier in the sentence, else the customer's when the customer is speaking,
else the rubric's default. A clause with a non-price word (营收, 罚款, 投放,
能省) holds no price at all. With no word before it,
the first side word after it in the clause decides (3万的预算, 15万以内).
Overlapping cues are read left to right, longest first, so 友商报的 is a
competitor's quote and not our 报的. A bare number (3500) is a price
only right after a cue (报价3500). An amount whose nearest cue is a
non-price word (营收, 罚款, 投放) is not a price. A kind of price that is usually the
customer's (进货价, 的报价) is ours where our side is its clause's subject (我们口红进货价29).
A brand (``brand`` cues) is a rival's, unless our side names it as its own right before it
(我们东方红LX2504报的落地价42万).
With one side's price and the gap stated, the amount the gap measures is the other side's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING

from . import rxcache
from .speech import PREPOSITIONS

if TYPE_CHECKING:
    from .document import Document

ROLES = (
    "ours",
    "customer",
    "customer_unless_ours",
    "brand",
    "quote",
    "neutral",
    "gap",
    "gap_after",
    "accepted_after",
    "asked",
    "not_price",
)
STRONG = ("ours", "customer", "not_price")
# Roles read after an amount: 700的价差 (the gap), 1块8没问题 (a quote accepted: ours). ``asked``
# (多少钱) is read before the rep's answer, never as a cue of a side.
AFTER_ROLES = ("gap_after", "accepted_after", "asked")
# How far before the rep's answer the customer's price question may stand (他问租一台一天多少钱，).
_ASKED_REACH = 24
# How far into the rep's answer its figure may stand (我说带司机一天6500).
_ANSWER_REACH = 10
# What may stand between an amount and the word that accepts it: what it is for (一箱花生油).
_ACCEPT_REACH = 6
# A character right before an amount that makes it a difference, even where jieba glued it to the
# verb before (说贵7毛, 多5毛): an accepted gap is no quote.
_GAP_CHARS = frozenset("贵多高低差少")
# Side words that name who speaks but not that a number is a price.
SUBJECT_WORDS = frozenset({"我们", "我方", "我司", "咱们", "我这边"})
_GAP_REACH = 2
# What may stand between an amount and a gap word named after it (4毛钱的差价, 700的价差).
_GAP_AFTER_LINK = rxcache.compile(r"(?:钱)?的?")


# Made by the dozen per note: slots, not frozen (a frozen dataclass is three times slower to make).
@dataclass(slots=True)
class Price:
    start: int
    end: int
    value: float
    role: str  # ours | customer | gap
    strong: bool = True  # the role came from a word that names the side, not from the default


@dataclass(frozen=True)
class PriceCues:
    """Words per role (already normalised) and the role of a price that has only neutral cues."""

    words: dict[str, tuple[str, ...]]
    default_role: str = "ours"

    @cached_property
    def accepted_after(self) -> re.Pattern | None:
        """An ``accepted_after`` word within a few characters after an amount, in its clause."""
        words = self.words.get("accepted_after", ())
        if not words:
            return None
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return rxcache.compile(rf"[^，。；,;！？!?\s]{{0,{_ACCEPT_REACH}}}?(?:{alt})")

    @cached_property
    def asked(self) -> re.Pattern | None:
        """A price question (多少钱, 什么价): a figure the rep answers with is our price."""
        words = self.words.get("asked", ())
        if not words:
            return None
        return rxcache.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

    @cached_property
    def roles_of(self) -> dict[str, tuple[str, ...]]:
        """For each cue word, the roles it names (a word may name more than one)."""
        out: dict[str, list[str]] = {}
        for role, words in self.words.items():
            if role in AFTER_ROLES:
                continue  # read by find_prices after each amount, never as a cue before one
            for w in words:
                if role not in out.setdefault(w, []):
                    out[w].append(role)
        return {w: tuple(roles) for w, roles in out.items()}


def _cue_spans(doc: Document, cues: PriceCues) -> list[tuple[int, int, str]]:
    found = []
    roles_of = cues.roles_of
    for w, places in doc.token_ngrams.items():
        roles = roles_of.get(w)
        if roles is None:
            continue
        for role in roles:
            for s, e in places:
                if doc.in_empty_heading(s):
                    continue
                if not doc.is_negated(s, e) or role in ("gap", "not_price"):
                    found.append((s, e, role))
    # Left to right, longest first; drop cues overlapping one already taken.
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str]] = []
    for c in found:
        if kept and c[0] < kept[-1][1]:
            continue
        kept.append(c)
    for i, (s, e, role) in enumerate(kept):
        if role == "customer_unless_ours":
            kept[i] = (s, e, "ours" if _ours_is_subject(doc, kept, i) else "customer")
        elif role == "brand":
            # 我们东方红LX2504报的落地价 / 咱雷沃1204: a brand is a rival's, unless our side names it as
            # its own right before it.
            ours = i > 0 and _ours_right_before(doc, kept[i - 1], s)
            kept[i] = (s, e, "ours" if ours else "customer")
    return kept


def _ours_right_before(doc: Document, cue: tuple[int, int, str], start: int) -> bool:
    """Our side word, or our own quote word (我报的勇闯59, 我们给的雪花), right before the brand."""
    return cue[2] == "ours" and doc.norm[cue[1] : start] in ("", "的")


def _ours_is_subject(doc: Document, kept: list[tuple[int, int, str]], i: int) -> bool:
    """Our side is the subject of the clause before cue ``i``, with no other side named after it:
    我们口红系列进货价29 / 我们给何部长的报价是28万 / 我把上次的报价单又给了他 (not 我说友商的报价)."""
    s = kept[i][0]
    c_start = doc.clause_span(s)[0]
    for subject in doc.lang.rep_subject_re.finditer(doc.norm, c_start, s):
        if _REP_AS_OBJECT.search(doc.norm, max(0, subject.start() - 1), subject.start()):
            continue  # 邓工给我看了马尔文的报价单: 我 is whom it was shown to
        return not any(
            role == "customer" and subject.end() <= a and b <= s for a, b, role in kept[:i]
        )
    return False


class _Spans:
    """Cue spans in text order, sliced by position with bisect (notes can be a million characters)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def within(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [sp for sp in self.spans[i:j] if sp[1] <= hi]


def _gap_named_after(doc: Document, gap_after: set[int], end: int) -> bool:
    """A ``gap_after`` word (starts in ``gap_after``) right after the amount, or after 的 / 钱的."""
    link = _GAP_AFTER_LINK.match(doc.norm, end)
    return (link.end() if link else end) in gap_after


def _glued_gap(doc: Document, start: int) -> bool:
    """A difference word right before the amount that jieba glued to the word before it (说贵7毛,
    多5毛), not a limit (最多5万, 至少3000) nor what a period costs (一个月多2.6万)."""
    norm = doc.norm
    return (
        start >= 1
        and norm[start - 1] in _GAP_CHARS
        # 一个月多2.6万 / 一年少两千: what a period costs or saves, not the gap between prices.
        and (start < 2 or norm[start - 2] not in "最至顶不月年天周季能")
    )


def find_prices(doc: Document, cues: PriceCues) -> list[Price]:
    if not doc.amounts:
        return []
    all_spans = _Spans(_cue_spans(doc, cues))
    # Gap words after an amount only mark that amount as the gap; no other rule reads them.
    gap_after = {s for w in cues.words.get("gap_after", ()) for s, _ in doc.token_ngrams.get(w, ())}
    accepted = cues.accepted_after
    prices: list[Price] = []
    amounts = doc.amounts
    for i, a in enumerate(amounts):
        c_start, c_end = doc.clause_span(a.start)
        prev_end = amounts[i - 1].end if i and amounts[i - 1].end > c_start else c_start
        c = doc.clause_index(a.start)
        sent_start = doc.seg.sentences[doc.seg.clauses[c].sentence].start if c >= 0 else c_start
        spans = all_spans.within(sent_start, c_end)  # all a sentence needs, found by position
        if any(sp[2] == "not_price" and sp[0] >= c_start and sp[1] <= c_end for sp in spans):
            continue  # 营收5000万 / 每月投放3万5 / 能省3万: the clause says what the amount is
        window = [sp for sp in spans if sp[0] >= prev_end and sp[1] <= a.start]
        gaps = [sp for sp in window if sp[2] == "gap" and a.start - sp[1] <= _GAP_REACH]
        strong = [sp for sp in window if sp[2] in STRONG]
        role: str | None = None
        is_strong = True
        if gaps or _gap_named_after(doc, gap_after, a.end) or _glued_gap(doc, a.start):
            role = "gap"  # 差了8千 / 4毛钱的差价可以谈 / 说贵7毛
        elif (
            not strong
            and accepted
            and doc.norm[a.start - 1 : a.start] not in _GAP_CHARS
            and accepted.match(doc.norm, a.end, c_end)
        ):
            # 梁老板话185一箱花生油冇问题: our quote, accepted (贵7毛可以接受 accepts the gap).
            role = "ours"
        elif strong:
            nearest = max(strong, key=lambda sp: sp[1])
            role = nearest[2]
            if role == "ours" and doc.norm[nearest[0] : nearest[1]] not in SUBJECT_WORDS:
                # 隔壁那家店给他报过25万2 / 原厂修一次报价2万3: the quote is the rival's, whose name
                # stands before the quote word, unless we take the floor again (那家…我们报).
                if _rivals_quote(doc, spans, sent_start, a.start, nearest):
                    role = "customer"
            elif role == "customer":
                # 我说我最多给他申请到三万五: in the rep's own words, with the rep as subject, a
                # word that usually gives the customer's limit (最多, 给他) gives ours.
                turn = _rep_turn(doc, a.start)
                if turn is not None and doc.lang.rep_subject_re.search(
                    doc.norm, max(turn, prev_end), nearest[0]
                ):
                    role = "ours"
        elif window:
            # 报的 / 单价 / 每月 take the side named earlier in the sentence, else the speaker's;
            # in the customer's words, only a side they name themselves (他说现在车队是每月4000).
            since = max(sent_start, _turn_start(doc, a.start))
            back = [sp for sp in spans if sp[0] >= since and sp[1] <= prev_end and sp[2] in STRONG]
            if doc.colleague_between(prev_end, a.start):
                role = "ours"  # 对方现在的…1450元，小王报的是1680: our colleague's quote
            elif back:
                nearest = max(back, key=lambda sp: sp[1])
                role = nearest[2]
                if role == "ours" and _rivals_quote(doc, spans, sent_start, a.start, nearest):
                    role = "customer"
                elif role == "customer" and _rep_quotes(doc, max(c_start, prev_end), window[0][0]):
                    # 首单想拿一批猫粮，我按批发价报了1.2w: the rep quotes in this clause. Weak: of
                    # several of ours, one a word names as ours still wins.
                    role, is_strong = "ours", False
            elif doc.speaker_at(a.start) == "customer":
                role = "customer"  # 他说别人才卖2万8: an amount the customer brings up
            elif _rep_turn(doc, a.start) is not None:
                role = "ours"  # 我说第一年按800给她: a price word in the rep's own words
            else:
                role, is_strong = cues.default_role, False
        else:
            nxt = amounts[i + 1].start if i + 1 < len(amounts) else c_end
            after = [
                sp
                for sp in spans
                if sp[0] >= a.end and sp[1] <= min(c_end, nxt) and sp[2] in STRONG
            ]
            if after:
                role = min(after, key=lambda sp: sp[0])[2]
            else:
                # In the customer's words, only a side they name themselves (as above).
                since = max(sent_start, _turn_start(doc, a.start))
                back = [
                    sp for sp in spans if sp[0] >= since and sp[1] <= a.start and sp[2] in STRONG
                ]
                turn = _rep_turn(doc, a.start)
                if (
                    turn is not None
                    and not a.explicit
                    and not _answers_the_question(doc, cues, turn, a.start)
                ):
                    turn = None
                if back and (turn is None or turn < max(sp[1] for sp in back)):
                    nearest = max(back, key=lambda sp: sp[1])
                    role = nearest[2]
                    if role == "ours" and _rivals_quote(doc, spans, sent_start, a.start, nearest):
                        role = "customer"
                elif turn is not None:
                    # 我说十五万八 / 我：含安装一千三一米: the rep names a figure, with no price word.
                    role, is_strong = "ours", False
                elif a.explicit and doc.speaker_at(a.start) == "customer":
                    role = "customer"
                elif a.explicit and any(
                    sp[0] >= sent_start and sp[1] <= a.start and sp[2] not in ("not_price", "gap")
                    for sp in spans
                ):
                    # 报了价，三万五千一台: a price word earlier in the sentence, no side named.
                    role, is_strong = cues.default_role, False
        if role is None:
            role, is_strong = _fallback(doc, all_spans, a, cues)
        if role is None or role == "not_price":
            continue
        if (
            not a.explicit
            and not _right_after_cue(doc, all_spans.within(a.start - 14, a.start), a.start, a.end)
            and not _answers_a_price(doc, all_spans, prices, a.start, sent_start)
            and not (
                role == "ours"
                and _answers_the_question(doc, cues, _rep_turn(doc, a.start), a.start)
            )
        ):
            continue  # a bare number not right after a price word: a count, an id, a model
        prices.append(Price(a.start, a.end, a.value, role, is_strong))
    _side_by_the_gap(doc, prices)
    return prices


def _side_by_the_gap(doc: Document, prices: list[Price]) -> None:
    """With one side's price and the gap stated and no price of the other side, the amount the gap
    measures is the other side's, said without a side word (我报了7800，他说美团上看到同款4500，
    差3300 / 他们现在一台5200，我们贵800，报的6000)."""
    gaps = [p.value for p in prices if p.role == "gap"]
    if not gaps:
        return
    for known, missing in (("ours", "customer"), ("customer", "ours")):
        if any(p.role == missing and p.strong for p in prices):
            continue
        base = [p for p in prices if p.role == known and p.strong]
        targets = {round(b.value + sign * g, 4) for b in base for g in gaps for sign in (1, -1)}
        by_start = {p.start: p for p in prices}
        for a in doc.amounts:
            if round(a.value, 4) not in targets:
                continue
            p = by_start.get(a.start)
            if p is None:
                prices.append(Price(a.start, a.end, a.value, missing, True))
            elif not p.strong and p.role not in ("gap", missing):
                p.role, p.strong = missing, True
            else:
                continue
            prices.sort(key=_CUE_START)
            return


_CUE_START = attrgetter("start")


def _rivals_quote(doc: Document, spans, sent_start: int, at: int, quote) -> bool:
    """A quote word (报价, 给的) whose sentence names the customer's side before it, with no word of
    ours between: 隔壁那家店给他报过25万2 / 用的是通达人力，报价每小时24元 / 另一家给的报价：0.655.

    A word of ours (我们报, 我方) or the rep as subject after the rival, the quote word itself
    included, takes the floor back.
    """
    if doc.norm[quote[0] : quote[1]] in SUBJECT_WORDS:
        return False
    # Since the amount before, if any: 预算60万以内，…，改造报价58万 is a budget, then our quote.
    amounts = doc.amounts
    i = bisect_left(amounts, at, key=_CUE_START)
    prev_amount = amounts[i - 1].end if i else 0
    since = max(sent_start, _turn_start(doc, at), prev_amount)
    theirs = [sp for sp in spans if sp[2] == "customer" and since <= sp[0] and sp[1] <= quote[0]]
    if not theirs:
        return False
    rival = max(theirs, key=lambda sp: sp[1])  # the customer's side named last before the quote
    if any(sp[2] == "ours" and rival[1] <= sp[0] and sp[1] <= quote[0] for sp in spans):
        return False
    rep = doc.lang.rep_subject_re
    # 我们报 names us; 友商给我报的 names the rep only as whom it was quoted to.
    if rep.search(doc.norm, rival[1], quote[0]):
        return False
    # 我们推的是沃得锐龙，报价14.8万 / 我们主推的刹车片给他们的批发价: a brand or a side word that is
    # the object of our own clause names what we sell.
    if rep.search(doc.norm, doc.clause_span(rival[0])[0], rival[0]):
        return False
    return not (
        rep.match(doc.norm, quote[0]) and doc.norm[quote[0] - 1 : quote[0]] not in "给跟向帮"
    )


def _words_of(doc: Document, speaker: str, start: int) -> int | None:
    """Where ``speaker``'s words that hold ``start`` begin (他说… / 我说… / a 我： chat line)."""
    if doc.speaker_at(start) != speaker:
        return None
    cues = doc.speech  # in text order: the last cue that holds ``start`` is the one speaking
    for i in range(bisect_right(cues, start, key=_CUE_START) - 1, -1, -1):
        cue = cues[i]
        if cue.end <= start < cue.content_end:
            return cue.end if cue.speaker == speaker else None
    return None


def _turn_start(doc: Document, start: int) -> int:
    """Where the customer's words that hold ``start`` begin, else 0."""
    return _words_of(doc, "customer", start) or 0


# 我 as an object (给我报了, 跟我说, 问我) is not who quotes: the prepositions that make a speaker an
# object, and the verbs that take one.
_REP_AS_OBJECT = rxcache.compile(rf"[{PREPOSITIONS}问叫]$")


def _rep_quotes(doc: Document, lo: int, cue_start: int) -> bool:
    """The rep is the subject right before the clause's price word (我按批发价报了, 我这边报)."""
    for m in doc.lang.rep_subject_re.finditer(doc.norm, lo, cue_start):
        if not _REP_AS_OBJECT.search(doc.norm, max(0, m.start() - 1), m.start()):
            return True
    return False


def _rep_turn(doc: Document, start: int) -> int | None:
    """Where the rep's words that hold ``start`` begin, else None."""
    return _words_of(doc, "rep", start)


def _answers_the_question(doc: Document, cues: PriceCues, turn: int | None, at: int) -> bool:
    """他问一天多少钱，我说带司机一天6500: a bare figure early in the rep's answer to a price question."""
    if turn is None or cues.asked is None or at - turn > _ANSWER_REACH:
        return False
    return cues.asked.search(doc.norm, max(0, turn - _ASKED_REACH), turn) is not None


# What a price is for: one of a measure (每台, 一箱, 每人每天, 人均, 每平方).
_UNIT = (
    r"(?:公斤|平米|平方|立方|人天|课时|[个台箱瓶盒套件张包吨斤米片支颗只条桶袋罐份人方平床"
    r"次桌本根卷对间亩度天年月位辆部款场期批组枚粒双副扇道层户家头棵株盘杯碗餐把块卡瓦柜板车票趟令单节])"
)
_PER = rf"(?:[一每单]?{_UNIT}|人均|每人每天|每人每年|每人每月|每台每年|每台每月)"
# Between a price word and a bare number: fillers, and what the price is for (一箱（24瓶）, 每台).
_FILLERS = rxcache.compile(
    r"[是为约在了:：\s]|大概|大约|差不多|左右|一共|总共|只有|才"
    rf"|[（(][^）)]{{0,8}}[）)]|{_PER}|报?给?[他她]们?"
    r"|[\u4e00-\u9fff]{1,4}价(?![格位])"
)


# What may stand between a quote word and its bare number: the product's name, with no digit and
# nothing that makes the number an id (型号6205, 电话138…, 3号楼).
# ... and the number ends its clause or is priced per unit (7800，/ 68一袋 / 4520送到厂 is not).
_PRICE_ENDS = rxcache.compile(r"\s*(?:$|[，。；,;！？!?、）)\n]|[元块一每/])")
_WHAT_IS_QUOTED = rxcache.compile(
    r"(?!.*(?:型号|编号|号|码|电话|手机|批次|订单))[\u4e00-\u9fffa-z]{2,6}"
)


def _right_after_cue(doc: Document, spans, start: int, end: int) -> bool:
    """报价3500, 预算是8000, 拿货价大概52: a bare number needs a price word (not just 我们) right before it.

    What the price is for may stand between them when a per-unit phrase ends right at the number
    (报价鸡翅中每公斤38).
    """
    per_unit = _PER_UNIT.search(doc.norm, max(0, start - 4), start) is not None
    for s, e, role in spans:
        if e <= start and role != "ours_subject" and start - e <= 14:
            if doc.norm[s:e] in SUBJECT_WORDS:
                continue
            gap = _FILLERS.sub("", doc.norm[e:start])
            if len(gap) <= 1 or (per_unit and len(gap) <= 6):
                return True
            if (
                role in ("ours", "quote")
                and _WHAT_IS_QUOTED.fullmatch(gap)
                and _PRICE_ENDS.match(doc.norm, end)
            ):
                return True  # 我报了双缸电炸炉7800，…: the thing quoted, then its price
    return False


_PER_UNIT = rxcache.compile(rf"(?:(?:每|一){_UNIT}|人均)[是为]?$")


def _answers_a_price(
    doc: Document, spans: _Spans, prices: list[Price], at: int, sent_start: int
) -> bool:
    """A bare number right after our side's name, where the sentence has just named a price:
    他们现在是三十块一瓶拿的，我说我们三十三."""
    if not prices or prices[-1].start < sent_start:
        return False
    for s, e, _ in spans.within(at - 6, at):
        if doc.norm[s:e] in SUBJECT_WORDS and not _FILLERS.sub("", doc.norm[e:at]):
            return True
    return False


def _fallback(doc: Document, spans, a, cues: PriceCues) -> tuple[str | None, bool]:
    """No price word in the sentence: the section heading (【报价】, 报价：) or the clause's subject."""
    c = doc.clause_index(a.start)
    if c < 0:
        return None, True
    sec_idx = doc.seg.sentences[doc.seg.clauses[c].sentence].section
    if sec_idx is not None:
        sec = doc.seg.sections[sec_idx]
        heading = spans.within(sec.heading_start, sec.heading_end)
        strong = [sp for sp in heading if sp[2] in STRONG]
        if strong:
            return strong[-1][2], True
        if heading:
            return cues.default_role, False
    if a.explicit:
        c_start, _ = doc.clause_span(a.start)
        if doc.lang.rep_subject_re.search(doc.norm, c_start, a.start):
            return "ours", False  # 我们按他们的量测算月结三万五千
        # 我推的是精补料，一吨3600 / 我推荐了桨板套餐，人均420: a unit price in a sentence the rep
        # is the subject of, and the customer not speaking.
        if _PER_UNIT.search(doc.norm, max(0, a.start - 4), a.start) or _UNIT_AFTER.match(
            doc.norm, a.end
        ):
            sent_start = doc.seg.sentences[doc.seg.clauses[c].sentence].start
            if doc.speaker_at(a.start) != "customer" and doc.lang.rep_subject_re.search(
                doc.norm, sent_start, c_start
            ):
                return "ours", False
    return None, True


_UNIT_AFTER = rxcache.compile(rf"\s*(?:元|块)?\s*(?:/|[一每]){_UNIT}")
