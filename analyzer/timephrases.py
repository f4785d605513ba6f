"""Find time phrases (下周三下午, 月底前, 15号, 明天上午, 节后, 10:30) in a normalised note.

Each phrase gets a kind: ``future`` (a day or deadline ahead: 明天, 下周三,
月底前, 3月15号, 三天内), ``present`` (今天, 上午, a bare weekday), ``past``
(上周, 昨天, 上次) or ``clock`` (a clock time alone: 10:30, 下午3点). A future
phrase in a clause that talks about the past (上次说下周再来) is ``past``.
Numbers that only look like times (3号楼, 提了3点, 3点建议) are not matched.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rxcache

_N = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
# 12/2, 3/31: month/day as CRM exports and English-heavy notes write it (not 1/3 of a number).
_MD = r"(?<![\d/.有占约近超是])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d%/]|的)"
_DAYPART = r"(?:早上|上午|中午|下午|傍晚|晚上|晚|早|凌晨)"
# 老周一起 / 小周一直: a person called 周, then 一起 / 一直, is no Monday. A count of weeks
# (一周三次, 两周一次, 一个礼拜三四车) is how often, no day: unless the count is a day itself (周一周三)
# or an order (第一个礼拜二).
_WEEKDAY = (
    r"(?<!(?<!第)[一两几半]个)(?<!(?<![周期拜第])[一两几半])"
    r"(?:(?<![老小阿])周|星期|礼拜)(?:[一二三四五六日天末]|[1-7])(?![起直样般共])"
)
_CLOCK = (
    rf"(?:{_DAYPART}?\s*\d{{1,2}}[:：]\d{{2}}"
    rf"|{_DAYPART}\s*{_N}点(?:半|钟|整|多|左右|{_N}分?)?"
    rf"|{_N}点(?:半|钟|整|多|左右|\d{{1,2}}分?|前|后|以前|之前|以后|(?=到|去|出发|见|碰|离开|结束|开始|走)))"
)
# 15号 is a day only when what follows is not a noun it numbers (3号楼, 2号库, 5号线).
_DAY_FOLLOW_SET = r"$|[\s,，。.;；:：!！?？、)）(（\]】\-~～0-9]|前|后|左右|上午|下午|中午|晚上|早上|再|去|来|见|约|到|把|给|发|送|签|开|交|截止|那天|当天|的|还|会|要|能|之|以|和|或|至|带|过去|上门|回|出|安排|确认|答复|之前|以前"
# 3号、5号厂房 / 2号和3号线: a list of numbered things, the last one naming what they are.
_DAY_FOLLOW = rf"(?={_DAY_FOLLOW_SET})(?!(?:[、和与及/]{_N}号)+(?!{_DAY_FOLLOW_SET}))"
_CLOCK_AFTER = rf"(?:\d{{1,2}}[:：]\d{{2}}|{_N}点(?:半|钟|整|多|{_N}分?)?)"
_FUTURE_CORE = (
    r"(?:明天|明早|明晚|明日|后天|大后天|下下?(?:个)?(?:周|星期|礼拜)(?:[一二三四五六日天末]|[1-7])?"
    r"|下(?:个)?月(?:初|中旬|上旬|下旬|中|底)?|下半年|下季度|下个季度|明年|年后|年前|年底|节后|节前"
    r"|春节(?:前|后)|国庆(?:前|后)|元旦(?:前|后)|月底|月初|月中|周末|这周末|本周末"
    # The lunar and farming calendar: 腊月二十一, 正月十六前, 开春, 麦收前, 秋收完, 中秋前.
    r"|(?:腊月|正月|冬月)(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]?|[一二三四五六七八九十]{1,3})?(?:[号日])?"
    r"|开春(?:后|以后)?|(?:麦收|秋收|麦播|秋播|插秧|春耕)(?:前|后|完|以后|之前|以前)|秋后|过了年|过完年"
    r"|(?:清明|端午|中秋|五一|(?<![双0-9一二三四五六七八九十])十一)(?:前|后|节前|节后)"
    # 这两天准备好送过去 / 过两天再约: the next few days, when a plan follows (这两天一直下雨 is now).
    r"|(?:这两天|这几天|近两天|近几天|过两天|过几天)(?=就|会|再|把|给|内|之内|准备|发|送|安排|约|联系|回复|报|做|整理|出)"
    rf"|(?:这|本)(?:个)?(?:周|星期|礼拜)(?:[一二三四五六日天末]|[1-7])"
    rf"|{_WEEKDAY}|{_N}[天日](?:内|之内|以内)|{_N}(?:个)?(?:周|星期|礼拜|月)(?:内|之内|以内)"
    r"|(?:这|本)(?:周|星期|个月|月)(?:内|之内|以内)?"
    rf"|{_N}月第[一二三四1-4](?:个)?(?:周|星期|礼拜)|(?:\d{{4}}年)?{_N}月{_N}[号日]?|{_N}[号日]{_DAY_FOLLOW}|{_MD}|{_N}月(?:份|底|初|上旬|中旬|下旬|中)?(?=前|开|上|要|再|去|来|见|签|交|发|之前|以前|左右)"
    r")"
)
_PAST_CORE = r"(?:昨天|昨晚|前天|上(?:个)?(?:周|星期|礼拜|月)(?:[一二三四五六日天末])?|上次|上回|去年|前几天|之前|刚才)"
_PRESENT_CORE = r"(?:今天|今早|今晚|今日|当天)"
# 今天晚上给经理打报告 / 今天下班前开账号: later today, a step still to take (unless told as done).
_LATER_TODAY = rxcache.compile(
    r"(?:今天|今日)(?:晚上|傍晚|下班前|下班之前|之内|以内|内|之前|前)|今晚"
)
# 明年9月 / 这个月15号之前 / 下个月20号 / 明年这个时候: a year or a month, then the month or the day
# within it, is one time.
_WITHIN = (
    rf"(?:(?<=[年月])\s*(?:{_N}月(?:份|底|初|上旬|中旬|下旬|中)?(?:{_N}[号日])?|{_N}[号日](?!楼|库|线|门|车间|仓)"
    r"|这个时候|这时候|这个时间))"
)
# Every phrase starts with one of these characters: the lookahead lets the regex engine skip
# the rest of the text four times faster, and keeps leading spaces out of a clock time.
_FIRST = "明后大下春国元月周这本星礼年节昨前上去之刚今当早中傍晚凌过近腊正冬开麦秋插清端0-9一二两三四五六七八九十"
_TIME = rxcache.compile(
    rf"(?=[{_FIRST}])(?:(?P<future>{_FUTURE_CORE}{_WITHIN}?(?:{_DAYPART}|前|之前|以前|左右|底|初)?\s*(?:{_CLOCK_AFTER})?(?:下班前|下班之前|前|之前|以后|左右)?)"
    rf"|(?P<past>{_PAST_CORE}{_DAYPART}?\s*(?:{_CLOCK_AFTER})?)"
    rf"|(?P<present>{_PRESENT_CORE}{_DAYPART}?\s*(?:{_CLOCK_AFTER})?)"
    rf"|(?P<clock>{_CLOCK}))"
)
_PAST_CONTEXT = rxcache.compile(r"上次|上回|之前|以前|当时|那时|昨天|前天|上周|上个月|原本|本来说")
# 我方于3月12日拜访 / 于本周三召开: a formal report's 于 before a day tells what was done on it;
# 拟于 / 将于 / 定于 before it, what is planned.
_PLANNED_YU = rxcache.compile(
    r"(?:拟|将|定|计划|预计|约定|准备|需|须|应|请|争取|力争|要|会|可|并|再)$"
)


# Bare weekdays and dates say nothing of past or future; a perfective 了 right after does.
_AMBIGUOUS_DAY = rxcache.compile(
    rf"(?:{_WEEKDAY}|(?:\d{{4}}年)?{_N}月{_N}[号日]?|{_N}[号日]|{_MD}).*"
)
_RECORD = rxcache.compile(
    r"\s*(?:的)?(?:拜访记录|拜访小结|拜访|工作记录|记录|日报|周报|行程|工作日志)"
)
# 10月12日，打样测试记录 / 3月5日 安装调试小结: the note opens with its date and names its record.
_NAMED_RECORD = rxcache.compile(
    r"[，,\s]*[\u4e00-\u9fffa-z]{1,10}?(?:记录|小结|纪要|日志|日报|周报|总结)(?![\u4e00-\u9fff])"
)
_THIS_WEEK = rxcache.compile(r"(?:这|本)(?:个)?(?:周|星期|礼拜)")
_SUMMARY = rxcache.compile(r"\s*(?:的)?(?:小结|总结|情况|跟进|持续|主要)")
_OPENING = " \t\u3000\r\n【[（(#*-"
_HEADING_END = "】]）)\n:："
_COUNTED_YEARS = rxcache.compile(r"[\d一二两三四五六七八九十几多半来]")
# 一到月底就卡 / 每到周末: whenever it comes round, not a day ahead.
_HABITUAL = rxcache.compile(r"(?:一到|每到|每逢|每个|每次到|每)$")
# 月底对账老是对不上 / 年底汇算清缴老出问题 / 月底报表都要IT手动跑: what happens each time it
# comes round, told by what follows in the clause.
_RECURRING = rxcache.compile(r"(?:月底|月初|月中|年底|年初|周末)")
_HABITUAL_AFTER = rxcache.compile(
    r"[^，,。；;！？!?\n]{0,10}?(?:老是|老出|老要|老得|总是|总要|总会|总得|经常|常常|都要|都得|都会|都是"
    r"|一般|通常|每次|动不动|时不时)"
)
_WEEKDAY_AFTER = rxcache.compile(r"\s*[（(]?\s*")
_WEEKDAY_RE = rxcache.compile(_WEEKDAY)
_MD_RE = rxcache.compile(_MD)
# 11/26（周二） / 3月5日 周三 at the top of a note: the note's own date.
_NOTE_DATE_TAIL = rxcache.compile(r"\s*[（(]?\s*(?:周|星期|礼拜)[一二三四五六日天1-7]")
_HAS_CLOCK = rxcache.compile(rf"\d[:：]\d|{_N}点")
_DAYPART_OR_CLOCK = rxcache.compile(rf"\s*(?:{_DAYPART}|\d{{1,2}}[:：点])")
_DONE = rxcache.compile(r"[^，,。；;]{0,6}?(?:了|过(?![去来]))")
# 9月12号第二次 / 今年3月第二次去 / 10月8号那次: a deal's history counts its visits by date.
_NTH_VISIT = rxcache.compile(
    r"\s*(?:今天|是)?\s*(?:第[一二三四五六七八九十\d]{1,2}次|那次|这一次|又去|再次去)"
)
# 本周小结 / 这周跟了两次: a note that sums up its week tells its weekdays as days gone by.
_WEEK_FRAME = rxcache.compile(
    r"本周|这周|这一周|这个星期|本星期|这星期|周报|(?<![了晚迟慢等差快])一周(?!内|之内|以内|左右|多|后|才|就)"
)
_WEEKDAY_NUMBER = (
    {c: i for i, c in enumerate("一二三四五六", 1)}
    | {"日": 7, "天": 7}
    | {str(i): i for i in range(1, 8)}
)
_BARE_WEEKDAY = rxcache.compile(r"(?:周|星期|礼拜)([一二三四五六日天1-7])")
# 周五前给报价 / 周三要去: a deadline or a plan, even in a week's summary.
_PLAN_AFTER = rxcache.compile(r"[^，,。；;]{0,8}?(?:前|要|会|准备|计划|打算|争取|将|拟)")
# 明年的预算 / 下周的会: a time that describes a thing, followed by 的 and the thing.
_OF_A_THING = rxcache.compile(r"的[\u4e00-\u9fff]")
# 明年3月到期 / 合同年底截止 / 下月过保: when a thing runs out, not when anyone acts.
_RUNS_OUT = rxcache.compile(
    r"(?:[\d一二三四五六七八九十]{1,2}月(?:份|底|初|中旬|中)?(?:\d{1,2}[号日])?)?(?:合同|租约|协议|质保|保修|维保)?(?:就|才|也)?(?:到期|期满|届满|过保|截止|结束|满期)(?![前之以])"
)


# Made by the dozen per note: slots, not frozen (a frozen dataclass is three times slower to make).
@dataclass(slots=True)
class TimePhrase:
    start: int
    end: int
    kind: str  # future | dated (明年的预算) | present | past | clock


# 每周一车 / 每周一次 / 每周两趟: how often, where 周一 is no Monday.
_ONCE_A_WEEK = rxcache.compile(r"周[一二两三](?:车|次|趟|单|批|柜|台|吨|票|回|批次)")


def find_times(norm: str, masked: list[tuple[int, int]] = (), clause_of=None) -> list[TimePhrase]:
    """Time phrases in ``norm``; ``clause_of(offset) -> (start, end)`` gives the clause for context."""
    out: list[TimePhrase] = []
    for m in _TIME.finditer(norm):
        start, end = m.span()
        while end > start and norm[end - 1].isspace():
            end -= 1
        if start == end or any(a <= start < b for a, b in masked):
            continue
        if start > 0 and norm[start - 1].isdigit():
            continue  # the tail of a longer number (2026 / 315号)
        if m.group().startswith(("年前", "年后")) and _COUNTED_YEARS.match(norm, start - 1, start):
            continue  # 十几年前 / 三年前上的系统: years ago, not before the new year
        if start > 0 and norm[start - 1] in "第" and m.lastgroup != "past":
            continue  # 第3点, 第二天 are ordinals
        if start > 0 and norm[start - 1] == "每" and _ONCE_A_WEEK.match(norm, start, end + 2):
            continue  # 每周一车 / 每周一次: once a week, no Monday
        kind = m.lastgroup or "clock"
        if kind == "clock" and start > 0 and norm[start - 1] in "了几有提第这":
            continue  # 提了3点, 有几点
        if kind == "present" and clause_of is not None:
            later = _LATER_TODAY.match(norm, start)
            if later and not _DONE.match(norm, later.end(), clause_of(start)[1]):
                kind, end = "future", max(end, later.end())
        if kind == "future" and (
            _HABITUAL.search(norm, max(0, start - 3), start)
            or (
                _RECURRING.fullmatch(norm, start, end)
                and _HABITUAL_AFTER.match(
                    norm, end, clause_of(start)[1] if clause_of else len(norm)
                )
            )
        ):
            kind = "present"
        if kind == "future" and _NTH_VISIT.match(norm, end):
            kind = "past"  # 9月12号第二次 / 10月8号第一次去: the date of an earlier visit
        if kind == "future" and _OF_A_THING.match(norm, end):
            kind = "dated"  # 聊了下明年的保安续约: a thing that falls then, not when we act
        if kind == "future" and _RUNS_OUT.match(norm, end):
            kind = "dated"  # 明年3月到期: when their contract runs out
        if (
            kind == "future"
            and _THIS_WEEK.fullmatch(norm, start, end)
            and (
                not norm[:start].strip(_OPENING)
                or _DONE.match(norm, end, clause_of(start)[1] if clause_of else len(norm))
                or _RECORD.match(norm, end)
                or _SUMMARY.match(norm, end)
            )
        ):
            kind = "present"  # 本周跟进… / 这周去了两次 / 这周小结: the week the note sums up
        if kind == "future" and clause_of is not None:
            c_start, c_end = clause_of(start)
            if _PAST_CONTEXT.search(norm, c_start, start) or _done_on_the_day(norm, start, end):
                kind = "past"
            elif _AMBIGUOUS_DAY.fullmatch(norm, start, end) and _DONE.match(norm, end, c_end):
                kind = "past"  # 周二去了客户那边, 15号签了: a day already gone
            elif (
                _AMBIGUOUS_DAY.fullmatch(norm, start, end)
                and (
                    _RECORD.match(norm, end)
                    or (
                        not norm[:start].strip(_OPENING)
                        and (
                            norm[end : end + 1] in _HEADING_END
                            # 4月20日，上午9点到市二院: the note opens with its own date
                            or (
                                norm[end : end + 1] in "，,"
                                and _DAYPART_OR_CLOCK.match(norm, end + 1)
                            )
                            or _NOTE_DATE_TAIL.match(norm, end)
                            or _NAMED_RECORD.match(norm, end)
                            # 4/8 下午两点电话约的: a CRM line's own date (not 11/28前, a deadline)
                            or _MD_RE.fullmatch(norm, start, end)
                            # 周二上午9:10到滨海工业园 / 周二下午2点到…: a diary opens with the day and hour of the visit
                            or _HAS_CLOCK.search(norm, start, end)
                        )
                    )
                )
            ):
                kind = (
                    "present"  # 2月27日拜访记录 / 【3月12日 工作记录】: the day of the note itself
                )
        if (
            out
            and out[-1].kind == "present"
            and _WEEKDAY_AFTER.fullmatch(norm, out[-1].end, start)
            and _WEEKDAY_RE.fullmatch(norm, start, end)
        ):
            kind = "present"  # 11/26（周二）: the weekday of the note's own date
        out.append(TimePhrase(start, end, kind))
    if clause_of is not None:
        _narrated_weekdays(norm, out, clause_of)
    return out


def _done_on_the_day(norm: str, start: int, end: int) -> bool:
    """我方于3月12日拜访: a bare day after a formal report's 于, with no 拟 / 将 / 定 before it."""
    return (
        norm[start - 1 : start] == "于"
        and not _PLANNED_YU.search(norm, max(0, start - 3), start - 1)
        and bool(_AMBIGUOUS_DAY.fullmatch(norm, start, end) or _THIS_WEEK.match(norm, start, end))
    )


def _narrated_weekdays(norm: str, out: list[TimePhrase], clause_of) -> None:
    """Bare weekdays the note tells as days gone by (周一见了技术…周三…周五).

    A weekday before one already gone (周四整理了…) is gone too: a bare weekday is this week's.
    In a note that sums up its week (本周小结, 这周跟了两次) every bare weekday is, unless a plan
    or a deadline follows it (周五前发方案, 周五要去).
    """
    days = []
    for i, t in enumerate(out):
        m = _BARE_WEEKDAY.match(norm, t.start)
        if m and m.end() - m.start() <= t.end - t.start:
            days.append((i, _WEEKDAY_NUMBER[m.group(1)]))
    if not days:
        return
    gone = max((n for i, n in days if out[i].kind in ("past", "present")), default=0)
    frame = _WEEK_FRAME.search(norm, 0, out[days[0][0]].start)
    for i, n in days:
        t = out[i]
        if t.kind != "future" or norm[t.end - 1] == "前":
            continue
        if n < gone or (
            frame is not None and not _PLAN_AFTER.match(norm, t.end, clause_of(t.start)[1])
        ):
            t.kind = "past"
