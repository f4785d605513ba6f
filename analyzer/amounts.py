"""Find money amounts in a normalised note and convert them to yuan.

Amounts are matched on the character stream (jieba cuts 3.5万 into 3.5 / 万
and 2万5 into 2 / 万 / 5), then only the matched span is converted. An amount
is a *price* when it carries a currency mark (¥, 元, 块, rmb; $, €, usd, 美金, 欧元 for export
quotes, kept as the number said, with no conversion), or a 万 / 千 /
k / w magnitude not followed by a non-money unit (200人, 3万平), or when a bare
number directly follows a price word (报价3500). Amounts under a yuan said
aloud in 毛 (三毛二, 一块一毛五) are money too. Phone and model numbers, dates,
clock times, percentages, counts, temperatures, pixels and sizes (800×800)
are never amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rxcache

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

_ARABIC = r"\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_NUM = r"[零〇一二两三四五六七八九十百千万亿]+"
# Currency prefix, number, magnitude, optional shorthand tail digit, currency suffix.
_AMOUNT = rxcache.compile(
    rf"""
    (?=[¥$€£ruehnmt人港台新澳\d零〇一二两三四五六七八九十百千万亿])   # skip ahead to where an amount can start
    (?P<cur>[¥$€£]|rmb|人民币|usd|us\$|eur|hk\$|hkd|nt\$|ntd|twd|mop\$?|港币|港元|新台币|台币|澳门币)?\s*
    (?:
        (?P<num>{_ARABIC})\s*(?P<mag>万|千|百|亿|k(?![a-z])|w(?![a-z]))?
            (?:(?<=[万千])(?P<tail>\d|[一二两三四五六七八九])(?![\d%]|[.,]\d))?
      | (?P<cn>{_CN_NUM})
    )
    (?P<suffix>\s*(?:元|块钱|块|rmb|人民币|美金|美元|欧元|欧(?![式美洲])|刀(?![具片头])|usd(?![a-z])|eur(?![a-z])|港币|港元|新台币|台币|澳门币|蚊(?![子帐香虫])|hkd(?![a-z])|twd(?![a-z])|mop(?![a-z])))?
    """,
    re.VERBOSE,
)
# A unit right after the number that makes it a count, an area, a date, a time ...
_NON_MONEY_AFTER = rxcache.compile(
    r"\s*(?:多|余|来)?\s*(?:个|人|名|位|家|户|亩|平|㎡|m2|米|公里|km|吨|t\b|kg|公斤|斤|台|套|件|箱|条|张|辆|"
    r"次|天|日|号|月|年(?!费)|周|小时|分钟|分|秒|点|%|％|折|倍|层|楼|栋|间|床|店|门店|所|校|瓶|盒|支|颗|片|包(?!邮|安装|维护|维修|保养|运|送|售后|上门|吃住|材料|工料|税|换|培训|清洗|检测|调试|耗材|配送|油|人工)|袋|桶|罐|"
    r"学员|员工|例|头(?!等|期|款|寸)|坐席|座席|账号|个点|页|字|篇|册|g|mm|cm|v|kw|w\b|ml|l\b|升|度|期|批|单|款|种|项|岁|级|成|"
    # Loads counted in freight: trucks, containers, trips, shipments, pallets, cubic metres.
    r"车|柜|趟|票|托(?!管)|方(?![案便面式法向])|克|"
    # Power and energy: 250马力, 4000kva, 2mwh, 500千瓦 (a tractor's or a plant's size, not money).
    r"马力|匹(?![配])|kva|kwh|mwh|mw|千瓦|兆瓦|大卡|千卡|kcal|"
    # Channels of a video recorder or a camera system: 64路NVR, 128路 (not 路费).
    r"路(?!费)|"
    r"℃|°|像素|帧|转|dpi|hz|mpa|μm|um|微米|毫米|寸|吋|码|乘|×|\*)",
)
_PER_UNIT = rxcache.compile(
    r"\s*(?:[一每]|/|元/)\s*(?:吨|台|套|个|件|箱|斤|公斤|kg|平米|平方|平|米|只|支|瓶|张|次|人|年|月|天|单|份|坐席|座席|账号|间|辆|车|路|点位)"
)
# 一桶150 / 一打36 / 每吨5800: the unit first, then its price.
_PER_UNIT_BEFORE = rxcache.compile(
    r"(?:per\s*(?:word|page|hour|day|字|页)\s*|(?:[一每]|per\s*)(?:个)?(?:千字|吨|台|套|件|箱|桶|打|双|斤|公斤|瓶|张|只|支|袋|包|盒|片|平米|平方|平|米|趟|车|柜|票|托|人|间|晚|桌|份|条|根|卷|对|罐|副|位|坐席|座席|账号|工位|课时|学员|路|点位)|人均|一次性)(?:才|就|只要|只|也就|要|得)?$"
)
_COUNT_DIGITS = "一二两三四五六七八九"
_WAN_QIAN = rxcache.compile(r"(\d{1,4})万(\d)千(\d)?(?![\d.])")
# 1万9800 / 3万2000: ten-thousands, then the rest written out in full (19800, 32000).
_WAN_REST = rxcache.compile(r"(\d{1,4})万(\d{3,4})(?![\d.])")
# 1万零500 / 3万零80: 零 says the thousands are empty and the rest follows in full.
_WAN_ZERO = rxcache.compile(r"(\d{1,4})万零(\d{1,3})(?![\d.])")
_MEASURE = rxcache.compile(
    r"[台套个吨只件箱张辆位人家份次斤平米年月天周季柜板车票趟单方桶瓶盒条根片包袋罐支颗把对副亩株棵杯碗本卷升]"
)
_LETTER_ADJACENT = rxcache.compile(r"[a-z]")
_LATIN_WORD_BEFORE = rxcache.compile(r"[a-z]{2,}$")
# Latin words a price may follow with a space (quote 3500, budget 30000).
_PRICE_WORDS_IN_LATIN = frozenset(
    {
        "quote",
        "quotation",
        "price",
        "budget",
        "total",
        "po",
        "usd",
        "rmb",
        "cny",
        "eur",
        "hkd",
        "fee",
        # A rate: per word 0.45, per page 80.
        "word",
        "page",
        "hour",
        "day",
    }
)
_CN_MEASURE_OK = rxcache.compile(r"[万千百亿]|元|块")
_CN_MAGNITUDE = rxcache.compile(r"[万千百亿]")
_VAGUE_AFTER = rxcache.compile(r"[多余来几]|出头|开外")
# Two digits side by side (五六, 七八) say "five or six": a range, not a figure.
_CN_RANGE = rxcache.compile(r"[一二两三四五六七八九][二两三四五六七八九]")
# The tenths after 块 / 元 (一块一, 三块五, 一块二一本), but not a count that starts the unit a price
# is for (2块一箱, 1.9元一个: "per box", "per piece").
_MEASURE_WORDS = "斤吨台个件箱只张米平次份瓶包袋盒本片桶把根卷盘双条套桌杯碗位人天月年单车柜板支颗粒升码对副扇樘间晚户棵听罐"
_JIAO = rxcache.compile(
    rf"(\d|[一二两三四五六七八九])(?![\d.万千百亿]|[二两三四五六七八九十]|一(?![{_MEASURE_WORDS}])|[{_MEASURE_WORDS}])"
)

# 三毛二 / 两毛 / (一块一)毛五: tenths and hundredths of a yuan said aloud; 毛利, 毛巾, 毛重 are no money.
_FEN = r"(?:(\d|[一二三四五六七八九])(?![台个件箱只张米平次份瓶包袋盒本片桶把根卷盘双条斤吨公千立方]))?"
_MAO = rxcache.compile(rf"(\d|[一二两三四五六七八九])毛{_FEN}(?![\d利巾衣绒坯重料发毯笔])")
_MAO_AFTER_JIAO = rxcache.compile(rf"毛{_FEN}(?![\d利巾衣绒坯重料发毯笔])")
# 8分钱一张 / 差两分钱: hundredths said with 钱 (a bare 8分 is a score or minutes).
_FEN_QIAN = rxcache.compile(r"(\d|[一二两三四五六七八九])分钱")
# What may stand before 分钱 when it is the tail of a longer amount or a range (一块零八, 三毛五, 两三).
_BEFORE_FEN = "块元.十百千万毛零〇一二两三四五六七八九"
# Things counted with 块 (4块电池, 两块屏): the 块 before them is a measure word, not yuan.
_KUAI_COUNTS = rxcache.compile(
    r"(?:电池|屏|显示屏|板|钢板|木板|玻璃|砖|瓷砖|地|田|表|手表|牌子|招牌|布|石头|肉|蛋糕|模组|芯片|硬盘|区域|场地|面板|滤芯)"
)
# 800×800, 八百乘八百: a size, not money.
_TIMES_BEFORE = rxcache.compile(r"(?:乘|×|\*)\s*$")


# Made by the dozen per note: slots, not frozen (a frozen dataclass is three times slower to make).
@dataclass(slots=True)
class Amount:
    start: int
    end: int
    value: float
    explicit: bool  # carries a currency mark or a money magnitude; bare numbers need a price word


def cn_to_number(s: str) -> float | None:
    """Convert a Chinese numeral (三万五, 一万二千, 十二万, 两千五) to a number."""
    if not s or any(c not in _CN_DIGIT and c not in _CN_UNIT for c in s):
        return None
    total = 0
    section = 0
    number = 0
    last_unit = 1
    after_zero = False  # 一百零五 is 105: after 零 the last digit counts ones, no shorthand
    for c in s:
        if c in _CN_DIGIT:
            number = _CN_DIGIT[c]
            after_zero = after_zero or number == 0
        else:
            after_zero = False
            unit = _CN_UNIT[c]
            if unit >= 10_000:
                section = (section + number) * unit
                total += section
                section = 0
            else:
                section += (number or (1 if unit == 10 else 0)) * unit
            number = 0
            last_unit = unit
    if number:
        # Shorthand tail: 三万五 = 35000, 两千五 = 2500, 一万二 = 12000.
        if last_unit >= 100 and not after_zero:
            number *= last_unit // 10
        total += number
        number = 0
    return float(total + section)


def _magnitude(mag: str | None) -> int:
    return {"万": 10_000, "w": 10_000, "千": 1_000, "k": 1_000, "百": 100, "亿": 100_000_000}.get(
        mag or "", 1
    )


def find_amounts(norm: str, masked: list[tuple[int, int]] = ()) -> list[Amount]:
    """All money-like amounts in ``norm``, excluding spans inside ``masked``."""
    found: list[Amount] = []
    pos = 0
    while True:
        m = _AMOUNT.search(norm, pos)
        if m is None:
            break
        pos = max(m.end(), pos + 1)
        spelled = _ten_thousands_spelled_out(norm, m.start(), masked, bool(m.group("cur")))
        if spelled is not None:
            amount, end = spelled
            if amount is not None:
                found.append(amount)
            pos = max(pos, end)
            continue
        cn = m.group("cn")
        if cn and not m.group("suffix") and len(cn) < 2:
            continue  # 一个, 三家, 两次: one numeral character without 元 is no money
        if (
            cn
            and len(cn) > 2
            and cn[-1] in _COUNT_DIGITS
            and (cn[-2] in _CN_UNIT or cn[-1] == "一")
            and _MEASURE.match(norm, m.end())
        ):
            # 三万五千一台: the last 一 counts the machines, it is not part of the price.
            m = _AMOUNT.match(norm[: m.end() - 1], m.start())
            if m is None:
                continue
        tail = m.group("tail")
        if tail and ("." in m.group("num") or _MEASURE.match(norm, m.end())):
            # 4.5万一台 / 3万一套: the 一 counts what the price is for, it is no tail digit.
            m = _AMOUNT.match(norm[: m.end() - len(tail)], m.start())
            if m is None:
                continue
        if m.group("num") is None and m.group("cn") is None:
            continue
        if _MAO.match(norm, m.start()) and not (m.group("mag") or m.group("suffix")):
            continue  # 便宜3毛: tenths of a yuan, left to _add_mao
        start, end = m.span()
        while start < end and norm[start].isspace():
            start += 1
        while end > start and norm[end - 1].isspace():
            end -= 1
        if any(a <= start < b or a < end <= b for a, b in masked):
            continue
        if (
            _VAGUE_AFTER.match(norm, end)
            or (cn and _CN_RANGE.search(cn))
            or (cn and start and norm[start - 1] == "几")
        ):
            continue  # 两百多, 四十多万, 二十五六万, 几十块: a vague amount is not an amount
        value, explicit = _value(m)
        jiao = _JIAO.match(norm, end) if m.group("suffix") else None
        if jiao and value is None and cn and m.group("suffix").strip() in ("块", "元"):
            value, explicit = cn_to_number(cn), True  # 两块五: the tenths make it money
        if jiao and value is not None and m.group("suffix").strip() in ("块", "元"):
            # 3块8 / 两块五: the digit after 块 is tenths (3.8), not a new number.
            digit = jiao.group(1)
            value += _digit(digit) / 10
            end = jiao.end()
            mao = _MAO_AFTER_JIAO.match(norm, end)
            if mao:  # 一块一毛五: the 毛 names the tenths, the digit after it hundredths
                if mao.group(1):
                    value = round(value + _digit(mao.group(1)) / 100, 2)
                end = mao.end()
            pos = max(pos, end)
        if not explicit and (
            _PER_UNIT.match(norm, end) or _PER_UNIT_BEFORE.search(norm, max(0, start - 12), start)
        ):
            explicit = True  # 3150一吨, 42/台, 一桶150, 每吨5800: a unit price
        if value is None or value <= 0:
            continue
        if (
            end == m.end()
            and (m.group("suffix") or "").strip() == "块"
            and _KUAI_COUNTS.match(norm, end)
        ):
            continue  # 4块电池, 两块钢板: 块 counts things here, it is no yuan
        if _is_not_money(norm, m, start, end, explicit):
            continue
        found.append(Amount(start, end, value, explicit))
    _add_mao(norm, masked, found)
    return found


def _ten_thousands_spelled_out(
    norm: str, start: int, masked: list[tuple[int, int]], has_currency: bool
) -> tuple[Amount | None, int] | None:
    """万 followed by the rest said aloud (2万8千8 = 28800) or written in full (1万9800 = 19800).

    None when ``start`` opens neither form; else the amount (None when it is vague, masked or
    counts something) and where the form ends.
    """
    wr = _WAN_REST.match(norm, start)
    if not (wr and int(wr.group(2)) < 10_000 and len(wr.group(2).lstrip("0")) >= 3):
        wr = _WAN_ZERO.match(norm, start)
    if wr:
        end = wr.end()
        suffix = re.match(r"\s*(?:元|块钱|块)", norm[end:])
        if suffix:
            end += suffix.end()
        if (
            _VAGUE_AFTER.match(norm, end)
            or (not suffix and _NON_MONEY_AFTER.match(norm[end : end + 6]))
            or any(x <= start < y for x, y in masked)
        ):
            return None, end
        return Amount(start, end, float(int(wr.group(1)) * 10_000 + int(wr.group(2))), True), end
    wq = _WAN_QIAN.match(norm, start)
    if wq and not has_currency:
        a, b, c = wq.group(1), wq.group(2), wq.group(3)
        value = int(a) * 10_000 + int(b) * 1000 + (int(c) * 100 if c else 0)
        if _VAGUE_AFTER.match(norm, wq.end()) or any(x <= start < y for x, y in masked):
            return None, wq.end()
        return Amount(start, wq.end(), float(value), True), wq.end()
    return None


def _digit(c: str) -> int:
    return int(c) if c.isdigit() else _CN_DIGIT[c]


def _add_mao(norm: str, masked: list[tuple[int, int]], found: list[Amount]) -> None:
    """Amounts under one yuan said in 毛 (三毛二 = 0.32) or 分钱 (8分钱 = 0.08), where no other
    amount stands."""
    if "毛" not in norm and "分钱" not in norm:
        return
    added = False
    for m in _FEN_QIAN.finditer(norm):
        start, end = m.span()
        if start and (norm[start - 1].isdigit() or norm[start - 1] in _BEFORE_FEN):
            continue  # 一块零八分钱 / 三毛五分钱 belong to a longer amount; 两三分钱 is a range
        if any(a.start <= start < a.end for a in found) or any(a <= start < b for a, b in masked):
            continue
        found.append(Amount(start, end, _digit(m.group(1)) / 100, True))
        added = True
    for m in _MAO.finditer(norm):
        start, end = m.span()
        if start and (norm[start - 1].isdigit() or norm[start - 1] in "块元.十百千万"):
            continue  # the 毛 of 一块一毛五 belongs to that amount
        if start and norm[start - 1] in _CN_DIGIT:
            continue  # 两三毛: a range
        if any(a.start <= start < a.end for a in found) or any(a <= start < b for a, b in masked):
            continue
        value = round(_digit(m.group(1)) / 10 + (_digit(m.group(2)) / 100 if m.group(2) else 0), 2)
        found.append(Amount(start, end, value, True))
        added = True
    if added:
        found.sort(key=lambda a: a.start)


def _value(m: re.Match) -> tuple[float | None, bool]:
    cur = m.group("cur")
    suffix = m.group("suffix")
    if m.group("cn") is not None:
        cn = m.group("cn")
        if cn[0] in "百千万亿":
            return None, False  # 万一, 千万 are not money
        v = cn_to_number(cn)
        if not _CN_MEASURE_OK.search(cn + (suffix or "")):
            # 二十一 / 十八 alone: a price only right after a price word (我们报的二十一), like a bare 21.
            return (v, False) if v is not None and v >= 10 else (None, False)
        if v is not None and v < 10 and not _CN_MAGNITUDE.search(cn):
            if suffix and suffix.strip() in ("块钱", "元"):
                return v, True  # 一块钱, 五元: said as money
            return None, False  # 一块 (together), 两块 ... too ambiguous to be a price
        return v, True
    num = float(m.group("num").replace(",", ""))
    mag = m.group("mag")
    value = num * _magnitude(mag)
    tail = m.group("tail")
    if tail:
        digit = _digit(tail)
        value += digit * _magnitude(mag) / 10
    explicit = bool(cur or suffix or mag in ("万", "w", "k", "千", "亿"))
    return value, explicit


def _is_not_money(norm: str, m: re.Match, start: int, end: int, explicit: bool) -> bool:
    before = norm[max(0, start - 1) : start]
    after = norm[end : end + 6]
    if _LETTER_ADJACENT.match(after[:1]) and not m.group("mag") and not m.group("suffix"):
        return True  # 08b, 6205rs: model numbers
    if before and (_LETTER_ADJACENT.match(before) or before in "-_#/"):
        return True  # a-3000, #6205, 型号/编号 fragments
    if (
        before == " "
        and not (m.group("cur") or m.group("mag") or m.group("suffix"))
        and (word := _LATIN_WORD_BEFORE.search(norm, max(0, start - 16), start - 1))
        and word.group() not in _PRICE_WORDS_IN_LATIN
    ):
        return True  # agilent 1100, model 3200: a brand or model name, then its number
    if _TIMES_BEFORE.search(norm, max(0, start - 3), start):
        return True  # the second side of 800×800 / 八百乘八百
    if before in ":：." and start >= 2 and norm[start - 2].isdigit():
        return True  # the minutes of 10:30, the decimals of a longer number
    if not m.group("suffix") and _NON_MONEY_AFTER.match(after):
        return True
    digits = re.sub(r"\D", "", m.group("num") or "")
    if (
        len(digits) >= 7
        and not (m.group("cur") or m.group("suffix"))
        and "," not in (m.group("num") or "")
    ):
        return True  # phone numbers, order ids
    # 10:30, 2026-11, 3/15
    return bool(m.group("num") and re.match(r"\s*[.:：/-]\s*\d", norm[end : end + 3]))
