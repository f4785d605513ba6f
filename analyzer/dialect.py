"""Cantonese written the way Hong Kong, Macau and Guangdong reps type it, read as Mandarin.

A note in Cantonese (佢話而家用緊OTIS，要問老細) names the same things as a Mandarin one (他说现在在用
OTIS，要问老板), but with words the rubric does not know. Before traditional characters are
simplified, a note that is plainly Cantonese has its dialect words swapped for Mandarin words of
the same length, so every offset still points into the note as written. Only notes with a
Cantonese-only character (佢, 嘅, 咗…) are touched: 話, 傾 and 係 are Mandarin words too (电话, 倾向, 关系),
and even in a Cantonese note they are swapped only where they cannot be those. A few northern,
southwestern and Wu words with a single sense (俺, 咋, 寻思; 莫得, 啥子, 一哈; 侬, 伊讲) are swapped in every note;
不得, 要得 and 没得 only in a note whose own words are southwestern.
"""

from __future__ import annotations

import re

from . import rxcache

# Characters that Mandarin notes do not use: one makes a note Cantonese. 唔, 啲 and 咁 turn up in
# Mandarin too (唔，好的), so they count only two together.
_MARKERS = rxcache.compile(r"[佢嘅咗冇哋喺畀嚟睇諗谂嘢嗰搵揾冚攞]")
_WEAK_MARKERS = rxcache.compile(r"[唔啲咁]")

# Each pair has the same length on both sides (offsets must not move). A word is listed as
# Hong Kong writes it; its simplified spelling (老细, 用紧) is derived when the table is first used.
_WORDS = {
    "而家": "现在",
    "老細": "老板",
    "今朝": "今早",
    "聽朝": "明早",
    "聽晚": "明晚",
    "諗住": "打算",
    "朝早": "早上",
    "聽日": "明天",
    "尋日": "昨天",
    "琴日": "昨天",
    "下晝": "下午",
    "幾多": "多少",
    "幾錢": "多少",
    "邊個": "哪个",
    "邊度": "哪里",
    "邊間": "哪家",
    "搞掂": "搞定",
    "啱啱": "刚刚",
    "點解": "为何",
    "乜嘢": "什么",
    "咩嘢": "什么",
    "有冇": "有无",
    "係咪": "是否",
    "使唔使": "要不要",
    # 唔使 (need not): 唔使經廠長 is 不用经厂长, 今年唔使 is 今年不用.
    "唔使": "不用",
    "唔駛": "不用",
    "唔驶": "不用",
    "係唔係": "是不是",
    "好唔好": "好不好",
    "可唔可以": "可不可以",
    "隔籬": "隔壁",
    "呢次": "这次",
    "呢個": "这个",
    "呢單": "这单",
    "呢間": "这家",
    "呢排": "最近",
    "嗰間": "那家",
    "嗰间": "那家",
    "那間": "那家",
    "一間": "一家",
    "喺度": "在场",
    "話事人": "拍板人",
    "話事": "做主",
    "跟住": "接着",
    "留低": "留下",
    "淨係": "只是",
    "淨是": "只是",
    "識唔識": "会不会",
    "一齊": "一起",
    "包埋": "包括",
    "加埋": "加上",
    "幾好": "挺好",
    "好似": "好像",
    "點樣": "怎样",
    "成日": "总是",
    "即刻": "马上",
    "落單": "下单",
    "揀": "选",
    "慳": "省",
    # 用緊 (is using): the progressive marker after the verb becomes 在 before it.
    "用緊": "在用",
    "做緊": "在做",
    "傾緊": "在谈",
    "簽緊": "在签",
    "睇緊": "在看",
    "搵緊": "在找",
    "諗緊": "在想",
    "佢": "他",
    "哋": "们",
    "嘅": "的",
    "咗": "了",
    "唔": "不",
    "冇": "没",
    "喺": "在",
    "畀": "给",
    "俾": "给",
    "嚟": "来",
    "睇": "看",
    "諗": "想",
    "搵": "找",
    "啲": "些",
    "嗰": "那",
    "咁": "这",
    "攞": "拿",
    "拎": "拿",
    "返": "回",
}
# Mandarin words too: swapped only where the neighbours rule out the Mandarin sense.
_CONTEXTUAL = (
    # 佢話 / Ivan話 (says), not 電話 / 話題 / 說話
    r"(?<![電电說说對对講讲通談谈笑廢废鬼閒闲童神白])[話话](?![題题術术筒費费])",
    # 傾 (talk), not 傾向 / 傾斜
    r"[傾倾](?![向斜銷销])",
    # 係 (is), not 關係 / 聯係
    r"(?<![關关聯联])係",
    # 系 (is) as simplified Cantonese writes it, not 关系 / 联系 / 系统 / 体系 / 系列
    r"(?<![關关聯联體体派維维直院世])系(?![統统列數数])",
    # 仲 (still), not 仲裁 / 仲介
    r"仲(?![裁介])",
    # 60蚊 (yuan) after a figure
    r"(?<=[\d一二两兩三四五六七八九十百千万萬])蚊",
    # 7毫 (tenths of a yuan) after a figure, not 毫米 / 毫升 / 毫克
    r"(?<=[\d一二两兩三四五六七八九])毫(?![米升克秒安])",
)
_CONTEXTUAL_TO = {
    "話": "說",
    "话": "说",
    "傾": "談",
    "倾": "谈",
    "係": "是",
    "系": "是",
    "仲": "還",
    "蚊": "块",
    "毫": "毛",
}
_swap_re: re.Pattern | None = None
_swap_words: dict[str, str] = {}


def _swapper() -> re.Pattern:
    """The swap regex over every word and its simplified spelling, made on the first Cantonese note."""
    global _swap_re
    if _swap_re is None:
        from .normalize import _convert, _t2s

        conv = _t2s()
        _swap_words.update(_WORDS)
        for word, mandarin in _WORDS.items():
            simplified = _convert(conv, word) if conv else word
            if len(simplified) == len(word):
                _swap_words.setdefault(simplified, mandarin)
        alternatives = sorted(_swap_words, key=len, reverse=True)
        _swap_re = rxcache.compile(
            "|".join([re.escape(w) for w in alternatives] + list(_CONTEXTUAL))
        )
    return _swap_re


def _swap(m: re.Match) -> str:
    w = m.group()
    return _swap_words.get(w) or _CONTEXTUAL_TO[w]


# Northern, southwestern and Wu words with one sense only: swapped in every note (俺们 is 我们, 莫得
# is 没有, 啥子 is 什么 wherever they are said).
_NORTHERN = str.maketrans({"俺": "我", "咋": "怎"})
_REGIONAL_WORDS = {
    "寻思": "考虑",
    "尋思": "考虑",
    "咋个": "怎么",
    "莫得": "没有",
    "莫有": "没有",
    "啥子": "什么",
    "一哈": "一下",
    # Wu (Shanghai, Shaoxing, Keqiao): 伊 is he or she, 侬 you. Only 伊 before a word of speech or
    # state is swapped, so 伊利, 伊朗 and 伊拉克 keep their sense.
    "伊讲": "他讲",
    "伊说": "他说",
    "伊话": "他说",
    "伊觉得": "他觉得",
    "伊问": "他问",
    "伊嫌": "他嫌",
    "伊想": "他想",
    "伊蛮": "他蛮",
    "伊现在": "他现在",
    "伊心里": "他心里",
    "侬": "你",
    # Cantonese 老细 (the boss) has no other sense, and turns up in Mandarin notes from Guangdong.
    "老细": "老板",
    "老細": "老板",
}
_REGIONAL = rxcache.compile("|".join(_REGIONAL_WORDS))
# One rare character of each word above: a note with none of them skips the regex (most notes).
REGIONAL_CUES = "思咋莫啥哈伊侬细細"


def _regional(m: re.Match) -> str:
    return _REGIONAL_WORDS[m.group()]


# Sichuan and Chongqing say 莫 for 没 before a verb (门都莫开, 他莫否认); only where the note is
# plainly southwestern, since 莫 also opens Mandarin words (莫名, 莫大, 莫非, 莫过于).
_SOUTHWEST_MARKERS = rxcache.compile(r"莫得|啥子|咋个|一哈|要得|巴适|龙门阵|晓得|莫来头")
_SOUTHWEST_MO = rxcache.compile(r"莫(?=[开来在见去到回接答理管问否收买要用])")
# 不得 before a verb is 不会 there (暂时不得买, 他不得来), where Mandarin has 不得不 and 舍不得; 要得 on
# its own is 好的 (他说要得，下周拿两包过去), not 要得到; 没得 is 没有.
_SOUTHWEST_WORDS = rxcache.compile(
    r"(?<![舍怪记顾由巴懂晓])不得(?=[买换用要来去做装上进拿订签搞弄整])|要得(?![到出起住上了])|没得"
)
# Stronger evidence than _SOUTHWEST_MARKERS (晓得 is said in Mandarin too), since 不得 and 没得 are
# Mandarin words as well (合同不得转让, 没得商量).
_SOUTHWEST_SPEECH = rxcache.compile(
    r"莫得|啥子|咋个|一哈|要得(?![到出起住上了])|巴适|龙门阵|莫来头|安逸惨了"
)
_SOUTHWEST_SAID = {"不得": "不会", "要得": "好的", "没得": "没有"}


def _southwest(m: re.Match) -> str:
    return _SOUTHWEST_SAID[m.group()]


def northern_to_mandarin(text: str) -> str:
    """俺们 → 我们, 咋 → 怎, 寻思 → 考虑, 莫得 → 没有, 啥子 → 什么, 伊讲 → 他讲: regional words read
    as Mandarin, length unchanged."""
    southwest = "莫" in text and _SOUTHWEST_MARKERS.search(text) is not None
    # Read before 莫得 becomes 没有 below: the note's own words say it is southwestern.
    southwest_speech = "得" in text and _SOUTHWEST_SPEECH.search(text) is not None
    if any(c in text for c in REGIONAL_CUES):
        text = _REGIONAL.sub(_regional, text)
    if "俺" in text or "咋" in text:
        text = text.translate(_NORTHERN)
    if southwest:
        text = _SOUTHWEST_MO.sub("没", text)
    if southwest_speech:
        text = _SOUTHWEST_WORDS.sub(_southwest, text)
    return text


def is_cantonese(text: str) -> bool:
    """A character only Cantonese uses (佢, 嘅, 咗, 冇…), or two of 唔, 啲, 咁."""
    if _MARKERS.search(text) is not None:
        return True
    first = _WEAK_MARKERS.search(text)
    return first is not None and _WEAK_MARKERS.search(text, first.end()) is not None


def cantonese_to_mandarin(text: str) -> str:
    """Swap Cantonese words for Mandarin ones of the same length (the caller checks it is one)."""
    return _swapper().sub(_swap, text)
