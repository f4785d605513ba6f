"""The language settings a rubric gives the matchers: negation, speech and placeholder cues.

These are word lists, not code, so they live in the rubric's ``language``
block (``rules/default.yaml``) and a rubric that ``extends`` it can add to them.
This module only compiles them into the patterns the matchers use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rxcache
from .normalize import normalise


def alternation(words) -> str:
    """One regex of these words, longest first, then by text (the same pattern in every process)."""
    words = sorted({normalise(w) for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words) or r"(?!x)x"


@dataclass
class Language:
    negation_cues: list[str] = field(default_factory=list)
    short_negation_cues: list[str] = field(default_factory=list)
    post_negation_cues: list[str] = field(default_factory=list)
    not_negation: list[str] = field(default_factory=list)
    negation_resets: list[str] = field(default_factory=list)
    # 价格她没问 / 报价什么的还没谈: a negated predicate that cancels the topic its clause opens with.
    topic_negation_cues: list[str] = field(default_factory=list)
    customer_subjects: list[str] = field(default_factory=list)
    # Titles that make a surname a person who can speak (王总, 李经理, 黄处, 张生).
    titles: list[str] = field(
        default_factory=lambda: (
            [
                "总",
                "经理",
                "工",
                "主任",
                "老板",
                "董",
                "厂长",
                "院长",
                "校长",
                "店长",
                "主管",
                "部长",
                "处长",
                "科长",
                "老师",
                "姐",
                "哥",
            ]
        )
    )
    rep_subjects: list[str] = field(default_factory=list)
    speech_verbs: list[str] = field(default_factory=list)
    subjectless_speech_verbs: list[str] = field(default_factory=list)
    own_side: list[str] = field(default_factory=list)
    # Where a note names someone of our own side (陪新人小周去…, 协访小施): regexes whose group
    # ``name`` is the name; every mention of it speaks for the rep, not the customer.
    own_people: list[str] = field(default_factory=list)
    customer_voice_headings: list[str] = field(default_factory=list)
    # Who else may speak for the customer, as regexes (阿强觉得, Mr. Uy说): names a word list can't hold.
    customer_subject_patterns: list[str] = field(default_factory=list)
    # Words in Latin letters that name no one (deck, demo, ppt): "deck讲了40分钟" is no person speaking.
    not_names: list[str] = field(default_factory=list)
    # What we presented (介绍了我们的方案：1. … 2. …; 【产品介绍】): the rep's words, not the customer's.
    presentation_verbs: list[str] = field(default_factory=list)
    # A clause opening with one of these ends the customer's words (然后我就回来了, 没约时间).
    speech_stops: list[str] = field(default_factory=list)
    # 我判断他最在意的是…: what the rep judges the customer thinks is the rep's judgement, not a new cue.
    judgement_verbs: list[str] = field(default_factory=list)
    presentation_headings: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    # What a CRM form leaves in a field nobody filled in (【请填写具体时间】, 是/否), as regexes: a
    # field holding only that states nothing, like one left empty.
    unfilled: list[str] = field(default_factory=list)
    # Where a note names a rival or the current supplier: regexes whose group ``name`` is the
    # name (用的是(?P<name>…)的); every later mention of it is a rival too.
    rival_names: list[str] = field(default_factory=list)
    # Words such patterns catch that name no one (我们, 现在, 一家).
    not_rival_names: list[str] = field(default_factory=list)
    # What a symbol opening a line stands for in a note typed on a phone (👤 → 拜访对象).
    symbol_headings: dict[str, str] = field(default_factory=dict)
    surnames: str = ""
    nickname_surnames: str = ""
    # Lines a tool wrote into the note, not the rep (【系统】签到时间 09:12:33, 【系统】下次跟进提醒：…):
    # regexes matched at a line's start; the whole line is blanked before anything reads the note.
    system_lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cue_re = rxcache.compile(alternation(self.negation_cues))
        self.short_cue_re = rxcache.compile(alternation(self.short_negation_cues))
        # 价格还没谈 / 老板今天不在: only adverbs may stand between the term and the cue.
        self.post_cue_re = rxcache.compile(
            r"(?:还|也|都|并|暂时|目前|今天|这次|一直|仍然|仍|又|始终|暂){0,2}(?:"
            + alternation(self.post_negation_cues)
            + ")"
        )
        # 换不换 / 要不要 / 有没有 / 考虑不考虑: a question (A-not-A), not a negation.
        self.not_negation_re = rxcache.compile(
            alternation(self.not_negation) + r"|([\u4e00-\u9fff]{1,2})[不没]\1"
        )
        self.reset_re = rxcache.compile(alternation(self.negation_resets))
        # 价格没谈拢 / 报价没谈下来 was talked about: the talk failed, it did happen.
        self.topic_cue_re = rxcache.compile(
            rf"(?:{alternation(self.topic_negation_cues)})(?![拢妥成好]|下来|出结果)"
            if self.topic_negation_cues
            else r"(?!x)x"
        )
        subj = alternation(self.customer_subjects)
        surname = f"[{re.escape(self.surnames)}]" if self.surnames else r"(?!x)x"
        # 王总, 李经理, 张工 are people on the customer's side unless the rep's own side owns them.
        nick = f"[{re.escape(self.nickname_surnames)}]" if self.nickname_surnames else r"(?!x)x"
        # 王总 / 李经理, 小陈 / 老周, and a name in Latin letters (Jason问, Amy说): the rep writes 我.
        not_names = (
            rf"(?!(?:{alternation([w.lower() for w in self.not_names])})(?![a-z]))"
            if self.not_names
            else ""
        )
        extra = "".join(f"|(?:{p})" for p in self.customer_subject_patterns)
        self.customer_subject_re = rxcache.compile(
            rf"(?:{subj}|{surname}(?:{alternation(self.titles)})"
            rf"|[小老]{nick}|{not_names}[a-z][a-z]{{2,}}{extra})"
        )
        self.rep_subject_re = rxcache.compile(alternation(self.rep_subjects))
        self.titles_tuple = tuple(self.titles)
        self.title_set = frozenset(normalise(t) for t in self.titles)
        self.verb_re = rxcache.compile(alternation(self.speech_verbs))
        self.subjectless_verb_re = rxcache.compile(alternation(self.subjectless_speech_verbs))
        self.own_side_re = rxcache.compile(rf"(?:{alternation(self.own_side)})$")
        self.own_people_res = [rxcache.compile(p) for p in self.own_people]
        for rx in self.own_people_res:
            if "name" not in rx.groupindex:
                raise re.error(f"own_people pattern {rx.pattern!r} has no group (?P<name>…)")
        self.voice_heading_re = rxcache.compile(alternation(self.customer_voice_headings))
        self.voice_fields = frozenset(normalise(w) for w in self.customer_voice_headings)
        self.presentation_re = rxcache.compile(alternation(self.presentation_verbs))
        self.speech_stop_re = rxcache.compile(alternation(self.speech_stops))
        self.presentation_heading_re = rxcache.compile(alternation(self.presentation_headings))
        # Inside a lookahead, one scan finds the overlapping matches too (宝钢经销商 and 经销商).
        self.rival_name_res = [rxcache.compile(f"(?=(?:{p}))") for p in self.rival_names]
        self.not_rival_names_set = frozenset(normalise(w) for w in self.not_rival_names)
        self.placeholder_re = rxcache.compile(
            "|".join(f"(?:{p})" for p in self.placeholders) or r"(?!x)x"
        )
        self.unfilled_re = (
            rxcache.compile("|".join(f"(?:{p})" for p in self.unfilled)) if self.unfilled else None
        )
        self.system_line_re = (
            rxcache.compile(
                "(?m)^[ \t]*(?:" + "|".join(f"(?:{p})" for p in self.system_lines) + ")[^\n]*"
            )
            if self.system_lines
            else None
        )

    @classmethod
    def from_config(cls, cfg: dict) -> Language:
        neg = cfg.get("negation", {})
        sp = cfg.get("speech", {})
        return cls(
            negation_cues=neg.get("cues", []),
            short_negation_cues=neg.get("short_cues", []),
            post_negation_cues=neg.get("post_cues", []),
            not_negation=neg.get("not_negation", []),
            negation_resets=neg.get("resets", []),
            topic_negation_cues=neg.get("topic_cues", []),
            customer_subjects=sp.get("customer_subjects", []),
            **({"titles": sp["titles"]} if "titles" in sp else {}),
            rep_subjects=sp.get("rep_subjects", []),
            speech_verbs=sp.get("verbs", []),
            subjectless_speech_verbs=sp.get("subjectless_verbs", []),
            own_side=sp.get("own_side", []),
            own_people=sp.get("own_people", []),
            customer_voice_headings=sp.get("customer_voice_headings", []),
            customer_subject_patterns=sp.get("customer_subject_patterns", []),
            not_names=sp.get("not_names", []),
            presentation_verbs=sp.get("presentation_verbs", []),
            speech_stops=sp.get("stops", []),
            judgement_verbs=sp.get("judgement_verbs", []),
            presentation_headings=sp.get("presentation_headings", []),
            placeholders=cfg.get("placeholders", []),
            unfilled=cfg.get("unfilled", []),
            rival_names=cfg.get("rival_names", []),
            not_rival_names=cfg.get("not_rival_names", []),
            symbol_headings={
                normalise(str(k)): str(v) for k, v in (cfg.get("symbol_headings") or {}).items()
            },
            surnames=cfg.get("surnames", ""),
            nickname_surnames=cfg.get("nickname_surnames", ""),
            system_lines=cfg.get("system_lines", []),
        )
