"""Who is speaking in each clause: the customer (他说 / 客户表示 / 对方问), the rep (我觉得 / 我判断), or narration.

A speech cue is a speech verb (说, 表示, 问, 觉得, 嫌 …) whose nearest subject
before it, in the same clause, is a customer subject (他, 对方, 客户, 王总 …)
or a rep subject (我, 我们). A customer subject owned by the rep's side
(我们老板, 我司技术) speaks for the rep. A subject after 跟/和/给/向 is an
object (我跟他说), so the search looks further back. What a cue opens runs to
the end of its sentence, or to the next cue. Quoted text (“…”, 「…」) and the
body of a 【客户原话】-style section are the customer's words without a cue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import rxcache

if TYPE_CHECKING:
    from .document import Document, SpeechCue
    from .language import Language

_LOOKBACK = 8
_LIST_ITEM = rxcache.compile(
    r"[ \t\u3000]*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.]|[-*•·●▪◆■□√]|[0-9０-９]+[.．])"
)
PREPOSITIONS = "跟和给对向与同帮替让为"
_PREPOSITION = rxcache.compile(rf"[{PREPOSITIONS}]$")
_NP_AFTER_PREPOSITION = rxcache.compile(rf"[{PREPOSITIONS}][\u4e00-\u9fffa-z0-9]*$")
_GAP_OK = rxcache.compile(r"^[\u4e00-\u9fffa-z0-9]*$")
# 小陈给客户IT讲了 / 跟他们老板说: a subject inside a noun phrase a preposition governs is whom
# someone spoke to (对接的调度 / 对方 are no such phrase).
_IN_NP_AFTER_PREPOSITION = rxcache.compile(
    r"(?:[给跟向]|对(?!接|方|面|于|比|手|象)|和(?!平|谐|田))[\u4e00-\u9fffa-z0-9]{1,4}$"
)
_HAN = rxcache.compile(r"[\u4e00-\u9fff]")


def _whole_name(doc: Document, start: int, end: int) -> bool:
    """A subject that is a word of its own: 其他 is not 他, procurement not curement; 保安队长 and
    小陈 stay people even where jieba glued them to what comes before."""
    return start in doc.token_starts or (
        end - start >= 2 and _HAN.match(doc.norm, start) is not None
    )


def _subject_before(doc: Document, clause_start: int, verb_start: int) -> tuple[str | None, int]:
    """The speaker of a verb: ``customer``, ``rep`` or None, and where the subject starts."""
    lang = doc.lang
    lo = max(clause_start, verb_start - _LOOKBACK)
    window = doc.norm[lo:verb_start]
    best: tuple[int, int, str] | None = None  # (end, start, who)
    for who, rx in (("customer", lang.customer_subject_re), ("rep", lang.rep_subject_re)):
        for m in rx.finditer(window):
            s, e = lo + m.start(), lo + m.end()
            if not _whole_name(doc, s, e):
                continue
            if who == "customer" and _PREPOSITION.search(doc.norm, max(0, s - 1), s):
                continue
            if who == "customer" and _IN_NP_AFTER_PREPOSITION.search(
                doc.norm, max(clause_start, s - 6), s
            ):
                continue
            if (
                who == "customer"
                and doc.norm.startswith(("的", "那边"), s)
                and _NP_AFTER_PREPOSITION.search(doc.norm, max(clause_start, s - 8), s)
            ):
                continue  # 给他们几个部门的人讲了: 的人 heads a noun the rep spoke to
            gap = doc.norm[e:verb_start]
            if gap.startswith(" ") and doc.text[e - 1 : e].islower() and doc.text[e - 1].isascii():
                gap = gap[1:]  # Kevin 说: a space after a name in Latin letters (not PPT 讲)
            if not _GAP_OK.match(gap):
                continue
            if best is None or (e, -s) > (best[0], -best[1]):
                best = (e, s, who)
    if best is None:
        return None, verb_start
    _, start, who = best
    if who == "customer" and doc.owned_by_rep(start):
        who = "rep"
    return who, start


def _last_person(doc: Document, start: int, end: int) -> str | None:
    """Who was named last in ``[start, end)``, not as the object of 跟/给/向 (见了调度刘哥，…)."""
    lang = doc.lang
    best: tuple[int, str] | None = None
    for who, rx in (("customer", lang.customer_subject_re), ("rep", lang.rep_subject_re)):
        for m in rx.finditer(doc.norm, start, end):
            s = m.start()
            if not _whole_name(doc, s, m.end()):
                continue
            if _PREPOSITION.search(doc.norm, max(0, s - 1), s):
                continue
            if best is None or m.end() > best[0]:
                best = (m.end(), "rep" if who == "customer" and doc.owned_by_rep(s) else who)
    return best[1] if best else None


def _verb_stands_alone(doc: Document, clause_start: int, m: re.Match) -> bool:
    if m.start() in doc.token_starts or _glued_subject(doc, m.start(), m.end()):
        return True
    return m.end() in doc.token_ends and _subject_ends_at(doc, clause_start, m.start())


def _subject_ends_at(doc: Document, clause_start: int, at: int) -> bool:
    """A subject of two characters or more ends right at ``at`` (小陈 before 说)."""
    lo = max(clause_start, at - _LOOKBACK)
    lang = doc.lang
    for rx in (lang.customer_subject_re, lang.rep_subject_re):
        for m in rx.finditer(doc.norm, lo, at):
            if m.end() == at and m.end() - m.start() >= 2:
                return True
    return False


def _glued_subject(doc: Document, start: int, end: int) -> bool:
    if end not in doc.token_ends:
        return False
    ti = doc.token_at[start] if start < len(doc.token_at) else -1
    if ti < 0 or doc.tokens[ti][1] >= start:
        return False
    tok_start = doc.tokens[ti][1]
    head = doc.norm[tok_start:start]
    lang = doc.lang
    return bool(lang.customer_subject_re.fullmatch(head) or lang.rep_subject_re.fullmatch(head))


# A speech verb a few characters after a negation (没有提出什么问题, 并未表示, 没说) reports
# silence, not words.
_NEGATED_VERB = rxcache.compile(r"(?:没有|没|未|并未|并没有|从没|从未)[^，。；,;！？\s]{0,4}$")


# 他说考虑一下，10点半离开: a clause that opens with the clock is the diary going on.
_CLOCK_OPENS = rxcache.compile(r"\s*(?:\d{1,2}[:：]\d{2}|\d{1,2}点[半多]?|[上下]午\d{1,2}点)")


def find_speech(doc: Document) -> list[SpeechCue]:
    from .document import SpeechCue

    lang = doc.lang
    cues: list[SpeechCue] = []
    # Speech verbs found in one pass over the note, then handed to their clauses.
    verbs_in: dict[int, list[re.Match]] = {}
    clause_at = doc.seg.clause_at
    qa = _qa_lines(doc)
    qa_marks = {cue.start for cue in qa}
    for m in lang.verb_re.finditer(doc.norm):
        if m.start() in qa_marks:
            continue  # 问：/答： opening a line of a transcript says whose line it is, below
        c = clause_at[m.start()]
        if c >= 0 and clause_at[m.end() - 1] == c:
            verbs_in.setdefault(c, []).append(m)
    for sent in doc.seg.sentences:
        sent_cues: list[tuple[str, int, int]] = []
        judging_clause = -1  # the clause where the rep gave a judgement (我判断, 我觉得)
        carried: str | None = None
        subject: str | None = None  # who the sentence is about, from the start of its clauses
        for ci in doc.clauses_between(sent.start, sent.end):
            clause = doc.seg.clauses[ci]
            if lang.rep_subject_re.match(doc.norm, clause.start):
                subject = "rep"
            elif lang.customer_subject_re.match(doc.norm, clause.start):
                subject = "customer"
            for m in verbs_in.get(ci, ()):
                # jieba's HMM glues 王总说 into one word: the verb may end a token that starts
                # with its subject (电话 is not 电 + 话), or take the subject's last character
                # (小/陈说, 保安队/长说).
                if not _verb_stands_alone(doc, clause.start, m):
                    continue
                if _NEGATED_VERB.search(doc.norm, max(clause.start, m.start() - 7), m.start()):
                    continue  # 客户没有提出什么问题 / 他没说: no words to record
                who, s_start = _subject_before(doc, clause.start, m.start())
                if who is None:
                    at_start = not doc.norm[clause.start : m.start()].strip("也还又就都便")
                    subjectless = lang.subjectless_verb_re.fullmatch(m.group())
                    if (
                        at_start
                        and carried == "customer"
                        and m.group() in lang.judgement_verbs
                        and not subjectless
                    ):
                        # 老刘说再考虑考虑，感觉希望不大: after their words, a bare 感觉 is the rep's.
                        who, s_start = "rep", m.start()
                    elif (
                        (subjectless and (at_start or carried == "customer"))
                        or (at_start and subject == "customer")
                        or (
                            # 见了调度刘哥，聊了半小时，说他们在用别家系统: the one just named speaks.
                            at_start
                            and subject is None
                            and m.group() == "说"
                            and _last_person(doc, sent.start, clause.start) == "customer"
                        )
                    ):
                        # 店长看了报价，说…: the verb opens its clause and the sentence's subject speaks.
                        who, s_start = "customer", m.start()
                if who is None:
                    continue
                if sent_cues and s_start < sent_cues[-1][2]:
                    continue  # 我觉得是价值没讲透: 讲 is inside what 我觉得 opened, not a new cue
                if judging_clause == ci:
                    continue  # 我判断他最在意的是速度: the rep's judgement of what the customer minds
                sent_cues.append((who, s_start, m.end()))
                carried = who
                if who == "rep" and m.group() in lang.judgement_verbs:
                    judging_clause = ci
        for i, (who, s, e) in enumerate(sent_cues):
            content_end = sent_cues[i + 1][1] if i + 1 < len(sent_cues) else sent.end
            if who == "customer":
                # 他说先放着，然后我就回来了: the customer's words end where the rep takes over.
                for ci in doc.clauses_between(e + 1, content_end):
                    c_start = doc.seg.clauses[ci].start
                    if (
                        lang.rep_subject_re.match(doc.norm, c_start)
                        or lang.speech_stop_re.match(doc.norm, c_start)
                        or _CLOCK_OPENS.match(doc.norm, c_start)
                        or doc.colleague_at(c_start)
                    ):
                        content_end = c_start  # 吴总问价，小曹报了9.2万: our colleague speaks now
                        break
            cues.append(SpeechCue(who, s, e, max(e, content_end)))
    for qs, qe in doc.seg.quotes:
        who = "customer"
        before = doc.norm[max(0, qs - 6) : qs]
        if re.search(r"(我|我们)[^，。]{0,3}(说|问|讲|表示|强调)[:：]?[“\"「『]?$", before):
            who = "rep"
        cues.append(SpeechCue(who, qs, qs, qe))
    cues.extend(_presentations(doc))
    cues.extend(qa)
    # A pasted chat (客户：… / 我：…): once the rep speaks under a heading of their own, or the
    # customer twice under one (客户：… 小孙：… 客户：…), a heading that names the customer is the
    # customer's line, not a field of a CRM template.
    customer_headings = [
        sec.heading for sec in doc.seg.sections if lang.customer_subject_re.fullmatch(sec.heading)
    ]
    chat = any(lang.rep_subject_re.fullmatch(sec.heading) for sec in doc.seg.sections) or (
        len(customer_headings) > len(set(customer_headings))
    )
    for sec in doc.seg.sections:
        if sec.empty:
            continue
        if lang.voice_heading_re.search(sec.heading) or (
            chat and lang.customer_subject_re.fullmatch(sec.heading)
        ):
            cues.append(SpeechCue("customer", sec.heading_start, sec.heading_end, sec.body_end))
        elif chat and lang.rep_subject_re.fullmatch(sec.heading):
            cues.append(SpeechCue("rep", sec.heading_start, sec.heading_end, sec.body_end))
        elif _named_person(lang, sec.heading):
            # 王主任：去年山火季… / > 马站长：我们现在…: a line given to someone named by surname and
            # title is their words, that line only (a field is never named 王主任).
            line_end = doc.norm.find("\n", sec.body_start, sec.body_end)
            end = sec.body_end if line_end < 0 else line_end
            if end > sec.body_start:
                cues.append(SpeechCue("customer", sec.heading_start, sec.heading_end, end))
    cues.sort(key=lambda c: c.start)
    return cues


def _named_person(lang: Language, heading: str) -> bool:
    """王主任, 马站长, 陈总: a surname and one of the rubric's titles, nothing else."""
    return len(heading) >= 2 and heading[0] in lang.surnames and heading[1:] in lang.title_set


# A line of a Q&A transcript: 问：… is the rep asking (the question itself is narration),
# 答：… the customer answering.
_QA_LINE = rxcache.compile(r"^[ \t\u3000]*(问|答|q|a)[ \t\u3000]*[:：]", re.MULTILINE)
_QA_SPEAKER = {"问": "rep", "q": "rep", "答": "customer", "a": "customer"}


def _qa_lines(doc: Document) -> list[SpeechCue]:
    """The lines of a Q&A transcript, each the words of whoever its marker names.

    Only a note with both questions and answers is a transcript: a lone 答： is a field.
    """
    from .document import SpeechCue

    norm = doc.norm
    marks = list(_QA_LINE.finditer(norm))
    if len({_QA_SPEAKER[m.group(1)] for m in marks}) < 2:
        return []
    out = []
    for m in marks:
        end = norm.find("\n", m.end())
        # A question is neither side's claim: what it asks about, answered, is the customer's.
        who = _QA_SPEAKER[m.group(1)]
        out.append(
            SpeechCue(
                who,
                m.start(1),
                m.end(),
                m.end() if who == "rep" else (len(norm) if end < 0 else end),
            )
        )
    return out


def _presentations(doc: Document) -> list[SpeechCue]:
    """What we presented, as the rep's words: a list opened by 介绍了…： and 【产品介绍】 sections.

    A note that only lists our company, product and cases (自说自话) says nothing of the
    customer: the pains, budgets and needs named in that list are our pitch, not their need.
    """
    from .document import SpeechCue

    lang = doc.lang
    norm = doc.norm
    out: list[SpeechCue] = []
    for sec in doc.seg.sections:
        if not sec.empty and lang.presentation_heading_re.search(sec.heading):
            out.append(SpeechCue("rep", sec.heading_start, sec.heading_end, sec.body_end))
    for clause in doc.seg.clauses:
        # A clause that ends in the colon opening the list: 讲解了我们的平台：第一，…；第二，…
        colon = clause.end if norm[clause.end : clause.end + 1] in (":", "：") else clause.end - 1
        if norm[colon : colon + 1] not in (":", "：") or not lang.presentation_re.search(
            norm, clause.start, clause.end
        ):
            continue
        # 他给我们介绍了…： is the customer presenting; only our own (or subjectless) pitch counts.
        if lang.customer_subject_re.search(norm, clause.start, clause.end) and not (
            lang.rep_subject_re.search(norm, clause.start, clause.end)
        ):
            continue
        end = norm.find("\n", colon)
        content_end = len(norm) if end < 0 else end
        pos = content_end + 1
        while pos < len(norm):
            line_end = norm.find("\n", pos)
            line_end = len(norm) if line_end < 0 else line_end
            if not _LIST_ITEM.match(norm, pos, line_end):
                break
            content_end = line_end
            pos = line_end + 1
        out.append(SpeechCue("rep", clause.start, colon, content_end))
    return out


def clause_speakers(doc: Document) -> list[str]:
    speakers = ["narration"] * len(doc.seg.clauses)
    for cue in doc.speech:
        for ci in doc.clauses_overlapping(cue.start, max(cue.content_end, cue.start + 1)):
            speakers[ci] = cue.speaker
    return speakers
