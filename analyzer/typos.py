"""Slips of the pinyin input method and CRM shorthand, read as the rep meant them.

Reps type fast and never proofread: 下周在去 (再去), 绝定 (决定), 报家 (报价), 我觉的 (我觉得), and
lb / kh / bj / cg for 老板 / 客户 / 报价 / 采购. A sales manager reads straight through them; the
rubric's words would not match them. Each slip is swapped for the word meant, of the same length,
so every offset still points into the note as written. Only slips with a single reading are
swapped everywhere; 在 for 再 is swapped only where 在 cannot be meant (after a time ahead and
before a verb of doing it again: 下周在去, 明天在打电话, 说在看看).
"""

from __future__ import annotations

import re

from . import rxcache

# Each pair has the same length on both sides.
_WORDS = {
    "绝定": "决定",
    "需球": "需求",
    "连系": "联系",
    "我觉的": "我觉得",
    "他觉的": "他觉得",
    "她觉的": "她觉得",
    # Slips of dictation (speech to text hears the sound, not the word): none is a word itself.
    "遇算": "预算",
    "觉定": "决定",
    "船冬": "船东",
}
_PATTERNS = (
    # 报家 for 报价, but not 自报家门.
    r"报家(?!门)",
    # 以经 for 已经 before what is done (以经发了), never 以经济 / 以经验.
    r"以经(?=[了过在是有给发定签报做装换买用谈聊到])",
    # 在 for 再 after a time ahead, before doing it again (下周在去, 明天在打电话问问).
    # 后面在跟 / 明年下半年在来问问 / 回去算了在报给他: later on, or once something is done.
    r"(?<=下周|下次|明天|后天|回头|以后|改天|两天|时候|时间|下月|然后|之后|后面|半年|年后|几天|算了|晚点)"
    r"在(?=去|来|约|联系|说|看|报|打|聊|谈|问|发|过来|过去|跟|沟通|确认)",
    # 在看看 / 在说吧: 看看 and 说吧 never follow the progressive 在.
    r"在(?=看看|说吧|考虑考虑|研究研究)",
    # CRM shorthand, standing alone among Chinese characters (not inside 5lb, dd-200 or a URL).
    r"(?<![a-z0-9._/-])(?:lb|kh|bj|cg|jp|jg|xq|yx|zl|dd|xz|mt|jt|zt|yz)(?![a-z0-9._/-])",
)
# Pinyin initials typed on a phone between visits. Only initials with one reading in sales notes:
# gj (感觉 or 跟进), hf (回访 or 回复) and ht (合同 or 后天) are left as typed.
_SHORTHAND = {
    "lb": "老板",
    "kh": "客户",
    "bj": "报价",
    "cg": "采购",
    "jp": "竞品",
    "jg": "价格",
    "xq": "需求",
    "yx": "意向",
    "zl": "资料",
    "dd": "订单",
    "xz": "下周",
    "mt": "明天",
    "jt": "今天",
    "zt": "昨天",
    # 院长 or 园长: either way the head of the hospital, school or kindergarten, a title.
    "yz": "院长",
}
_FIXES = {"报家": "报价", "以经": "已经", "在": "再"} | _SHORTHAND | _WORDS
# Every slip starts with one of these: a note with none has nothing to fix (one C scan), and the
# lookahead lets the regex engine skip the other characters (three times faster on a note).
_FIRST = "绝需连我他她报以在遇觉船lkbcjxyzdmt"
_CUES = frozenset(_FIRST)
_SLIP = rxcache.compile(
    f"(?=[{_FIRST}])(?:" + "|".join([re.escape(w) for w in _WORDS] + list(_PATTERNS)) + ")"
)


def _fix(m: re.Match) -> str:
    return _FIXES[m.group()]


def fix_typos(text: str) -> str:
    """Swap input-method slips and shorthand for the words meant; the length never changes."""
    if _CUES.isdisjoint(text):
        return text
    return _SLIP.sub(_fix, text)
