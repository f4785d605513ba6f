"""Split a normalised note into sections, sentences, clauses and quotes.

Works on the normalised text (same offsets as the note). A *section* is a
heading such as ``【下一步】`` or ``客户情况：`` at the start of a line with the
body that follows it (or a Markdown table row, ``| 竞品 | 现在用鼎捷 |``, or a numbered heading
alone on its line, ``一、基本情况``, with its body on the lines below); a *sentence* ends at
。！？, a line break, or a run of spaces between words (notes typed on a phone use spaces as
full stops); a *clause* ends at a comma, colon or semicolon inside a sentence. Negation and
reported speech scope over clauses and sentences, so these boundaries matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import rxcache

_SENTENCE_END = "。！？!?…"
# A semicolon joins contrasted halves (那家没有…；我们有…): a clause boundary, not a sentence end.
# An arrow joins steps the way a comma does (先看布草间 → 再去洗衣房 → 陈姐说…).
_CLAUSE_END = "，,：:；;→"
# Emoji and arrows mark list items too in notes typed on a phone (🤔 判断：…, 👉 下周发).
_SYMBOLS = "\U0001f000-\U0001faff\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d"
_BULLET = rxcache.compile(
    r"^[ \t\u3000]*(?:\d{1,2}[.、)）](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[-*•·●▪◆■□√>]+"
    rf"|[{_SYMBOLS}]+)[ \t\u3000]*"
)
_HEADING_BRACKET = rxcache.compile(r"^[ \t\u3000]*[【\[]([^】\]\n]{1,12})[】\]][ \t\u3000:：]*")
# A field name in Markdown bold (**判断**：) keeps the marks as zero-width spaces (see normalize).
_HEADING_COLON = rxcache.compile(
    r"^[ \t\u3000\u200b]*([\u4e00-\u9fffa-z/（）()]{2,10}|[a-z]+(?: [a-z]+){1,2}|我|他|她)\u200b*[:：][ \t\u3000]*"
)
# A checklist line whose field is marked unknown or not done (KP？ / 需求? / 报价✘): a field left
# open, like 需求：无. A tick (KP✔ 老板本人) asserts the field and opens nothing.
# A question (账号归谁？, 多久能到？) asks something and is no field.
_HEADING_MARK = rxcache.compile(
    r"^[ \t\u3000]*(?![^\n?？]*(?:谁|什么|吗|哪|怎么|几|多久|能不能|是不是|有没有|呢))"
    r"([\u4e00-\u9fffa-z/]{1,6})[ \t\u3000]*[?？✘✗×]+[ \t\u3000]*"
)
# A Markdown table row (| 竞品 | 现在用的鼎捷 |): the first cell names the field, the second is its
# body, and the row ends the field. The rule line (|---|---|) holds nothing.
_TABLE_ROW = rxcache.compile(
    r"^[ \t\u3000]*\|[ \t\u3000]*([^|\n]{1,12}?)[ \t\u3000]*\|[ \t\u3000]*"
)
_TABLE_END = rxcache.compile(r"[ \t\u3000]*\|[ \t\u3000]*$")
_TABLE_RULE = rxcache.compile(r"^[\s|:：\-—=+]*$")
# A formal report's numbered heading on a line of its own (一、基本情况 / （二）需求情况 / ## 下一步),
# its body on the lines below. Only Chinese numbering or a Markdown hash and space: 1. 见了王总 is an
# item, #跟进中 a tag.
_NUMBERED_HEADING_MARK = rxcache.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）]|#{1,4}(?=[ \t\u3000]))[ \t\u3000]*"
)
_BARE_HEADING = rxcache.compile(
    r"\u200b*([\u4e00-\u9fff]{2,8})[ \t\u3000\u200b]*[:：]?[ \t\u3000]*$"
)
# A colon after a speech verb introduces the customer's words, not a heading.
_SPEECH_TAIL = rxcache.compile(r"(说|问|道|讲|表示|回复|反馈|提到|原话|答|称)$")
# 同上 / 见上 / 见一: the body points back to another section and says nothing of its own.
_EMPTY_BODY = rxcache.compile(
    r"^[\s\-—_/、。.，,:：;；]*(无|暂无|没有|未报|暂未报|未知|待定|待确认|未定|不详|空|略|/|-|—|n/?a|tbd|none"
    # 报价：没报 / 报价：价格还没谈 / 下一步：没约时间: the field says only that it was not done.
    r"|(?:价格|报价|价钱|时间)?(?:还|也|都|暂|暂时)?(?:没|未|没有)(?:谈|报|出|问|约|提|聊|定|给)(?:价|价格|时间)?"
    r"|同上|如上|见上|见上文|详见上文|参见上文|同前|见前|同[一二三四五六1-6]|见[一二三四五六1-6]"
    # A report's closing formula under the last heading (五、下一步计划： 以上，请领导审阅。).
    r"|以上[，,]?\s*请领导(?:审阅|指示|批示)|特此汇报|妥否[，,]?\s*请(?:领导)?指示|请领导(?:审阅|指示|批示))?"
    r"[\s\-—_/、。.，,:：;；]*$"
)
# Typed with plain quotes after a speaker's colon too (周师傅:'早餐高峰盘子出来一片水印'); not
# elsewhere, where ' is an apostrophe (linda's).
_QUOTES = rxcache.compile(
    r"“([^”\n]{1,400})”|\"([^\"\n]{1,400})\"|「([^」\n]{1,400})」|『([^』\n]{1,400})』"
    r"|(?<=[:：])\s*'([^'\n]{1,400})'"
)
# Only between two Chinese characters: "quote 全年" or "9,800 元" are one phrase.
_SPACE_BETWEEN_WORDS = rxcache.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


# Made by the dozen per note: slots, not frozen (a frozen dataclass is three times slower to make).
@dataclass(slots=True)
class Section:
    heading: str
    heading_start: int
    heading_end: int
    body_start: int
    body_end: int
    empty: bool


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    section: int | None


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    sentence: int


@dataclass
class Segments:
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    # Character offset -> clause index, -1 outside any clause (headings, punctuation).
    clause_at: list[int] = field(default_factory=list)
    # A note typed without punctuation, its words and sentences parted by spaces alone.
    spaced: bool = False


def segment(
    norm: str,
    symbol_headings: dict[str, str] | None = None,
    voice_fields: frozenset[str] = frozenset(),
    unfilled: re.Pattern | None = None,
) -> Segments:
    """Sections, sentences and clauses of a normalised note.

    ``symbol_headings`` names what a symbol opening a line stands for (👤 → 拜访对象): a phone
    note's emoji are its field labels. ``voice_fields`` are field names that end like someone
    speaking (客户反馈：, 客户原话：) but head a field of a form, whose body is the customer's words.
    ``unfilled`` matches what a form leaves in a field nobody filled in (【请填写具体时间】, 是/否):
    a body of only that is empty.
    """
    seg = Segments()
    seg.clause_at = [-1] * len(norm)
    seg.spaced = _PUNCTUATION.search(norm) is None and len(_SPACE_BETWEEN_WORDS.findall(norm)) >= 3
    current_section: int | None = None
    pos = 0
    for line in _lines(norm):
        line_start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        cursor = line_start
        m = _BULLET.match(body)
        if m:
            cursor = line_start + m.end()
        rest = norm[cursor : line_start + len(body)]
        row = _TABLE_ROW.match(body) if body[:1] in "| \t\u3000" else None
        if row is not None:
            if _TABLE_RULE.match(body):
                continue
            end = line_start + len(body)
            tail = _TABLE_END.search(body, row.end())
            if tail is not None:
                end = line_start + tail.start()
            current_section = _open_section(
                seg, current_section, norm, line_start, (row.group(1), *row.span(1), row.end())
            )
            _split_sentences(seg, norm, line_start + row.end(), end, current_section)
            _close_section(seg, current_section, end, norm)
            current_section = None
            continue
        # A field typed after a bar (报价：3.5万｜下一步：…) leaves the bar behind: no part of the body.
        body = body.rstrip("| \t\u3000") if body.endswith("|") else body
        symbol = _symbol_heading(body, symbol_headings) if symbol_headings else None
        if symbol is not None and not _HEADING_COLON.match(rest):
            name, s_start, s_end = symbol
            current_section = _open_section(
                seg, current_section, norm, line_start, (name, s_start, s_end, cursor - line_start)
            )
            _split_sentences(seg, norm, cursor, line_start + len(body), current_section)
            continue
        heading = _HEADING_BRACKET.match(rest)
        marked = None
        if not heading:
            heading = _HEADING_COLON.match(rest)
            if (
                heading
                and _SPEECH_TAIL.search(heading.group(1))
                and (heading.group(1) not in voice_fields or heading.end() < len(rest.rstrip()))
            ):
                # 客户原话：“…” on one line is someone speaking, as 店长说：… is; a form's 客户反馈：
                # with nothing after it is a field left empty.
                heading = None
        if not heading:
            heading = _numbered_heading(m, rest)
        if not heading:
            heading = marked = _HEADING_MARK.match(rest)
        if not heading and body.lstrip(" \t\u3000")[:1] in _OPEN_BOXES:
            # The unticked box is the bullet; a bare field name after it is a field left open.
            heading = marked = _BARE_FIELD.match(rest)
        if heading:
            at = cursor - line_start
            current_section = _open_section(
                seg,
                current_section,
                norm,
                line_start,
                (heading.group(1), at + heading.start(1), at + heading.end(1), at + heading.end()),
            )
            cursor += heading.end()
        _split_sentences(seg, norm, cursor, line_start + len(body), current_section)
        if marked and current_section is not None:
            # A marked field is one line: what follows it is no longer that field.
            _close_section(seg, current_section, line_start + len(body), norm)
            current_section = None
    if current_section is not None:
        _close_section(seg, current_section, len(norm), norm)
    if unfilled is not None:
        for i, sec in enumerate(seg.sections):
            if not sec.empty and unfilled.search(norm, sec.body_start, sec.body_end):
                body = unfilled.sub("", norm[sec.body_start : sec.body_end])
                if _EMPTY_BODY.match(body):
                    seg.sections[i] = replace(sec, empty=True)
    for m in _QUOTES.finditer(norm):
        g = next(i for i in range(1, _QUOTES.groups + 1) if m.group(i) is not None)
        seg.quotes.append((m.start(g), m.end(g)))
    return seg


# A field list typed on one line (一、拜访对象：… 二、需求：… / 【需求】… 【下一步】待定) has a heading
# after each full stop or space: a numbered field name with its colon, or a bracketed one.
_INLINE_HEADING = rxcache.compile(
    r"(?<=[\s。；;！？!?])[ \t\u3000]*(?=(?:[一二三四五六七八九十]{1,2}、|(?<![\d.])\d{1,2}[.、](?!\d))"
    r"[ \t\u3000]*[\u4e00-\u9fff]{2,8}[:：]|【[^】\n]{1,12}】)"
)


# A CRM form typed on one line (客户名称：金坛 好运洗车 拜访对象：/ 报价：/ 下一步：待定): once the line
# opens with a field, each later word with a colon after a space or a bar (｜KP：) is a field too,
# unless it is someone speaking (店长说：).
_FORM_LINE = rxcache.compile(r"[ \t\u3000]*[\u4e00-\u9fff]{2,8}[:：]")
_FORM_FIELD = rxcache.compile(
    r"(?<=[ \t\u3000|])(?=(?:[\u4e00-\u9fff]{2,6}|[a-z]{2,8})(?<![说问讲道答称])[:：])"
)


# A checklist on one line (☑ KP：王经理 ☐ 预算 ☑ 下一步：跟进): each box opens a field.
_BOX = "☐☑☒✅□⬜"
_BOX_FIELD = rxcache.compile(rf"(?<=[^\s{_BOX}])[ \t\u3000]*(?=[{_BOX}])")
# An unticked box with a bare field name after it (☐ 预算) is a field left open; so is a
# crossed one (✘ 竞品, ✘KP): the field not done.
_OPEN_BOXES = "☐□⬜✘✗❌☒"
# A checklist of ticks and crosses typed on one line (✘KP ✘报价 ✘竞品, ✔ 见了刘主席 ✔ 报了扣点 ✘ 竞品):
# each mark after a space opens an item, when the line itself opens with a mark (KP✔ 老板本人 is
# one field and its tick).
_MARKS = "✔✓✘✗❌"
_MARK_ITEM = rxcache.compile(rf"(?<=\S)[ \t\u3000]+(?=[{_MARKS}])")
_BARE_FIELD = rxcache.compile(r"([\u4e00-\u9fffa-z/]{1,6})[ \t\u3000:：]*$")


def _lines(norm: str) -> list[str]:
    """The note's lines, a line that holds a field list split where each inline field begins."""
    out: list[str] = []
    for line in norm.splitlines(keepends=True):
        cuts = [m.end() for m in _INLINE_HEADING.finditer(line)]
        cuts += [m.end() for m in _BOX_FIELD.finditer(line)]
        if line.lstrip(" \t\u3000")[:1] in _MARKS:
            cuts += [m.end() for m in _MARK_ITEM.finditer(line)]
        if _FORM_LINE.match(line):
            cuts = sorted({*cuts, *(m.start() for m in _FORM_FIELD.finditer(line))})
        if not cuts:
            out.append(line)
            continue
        prev = 0
        for c in sorted(cuts):
            if c > prev:
                out.append(line[prev:c])
                prev = c
        out.append(line[prev:])
    return out


def _numbered_heading(bullet: re.Match | None, rest: str) -> re.Match | None:
    """一、基本情况 alone on its line (the bullet already taken), or （二）需求情况 / ## 下一步."""
    if bullet is not None and "、" in bullet.group():
        return _BARE_HEADING.match(rest)
    mark = _NUMBERED_HEADING_MARK.match(rest)
    return _BARE_HEADING.match(rest, mark.end()) if mark else None


def _open_section(
    seg: Segments, current: int | None, norm: str, line_start: int, spans: tuple[str, int, int, int]
) -> int:
    """Close the section before this line and open one: (name, heading start, end, body start)."""
    if current is not None:
        _close_section(seg, current, line_start, norm)
    name, h_start, h_end, body_start = spans
    seg.sections.append(
        Section(name, line_start + h_start, line_start + h_end, line_start + body_start, -1, True)
    )
    return len(seg.sections) - 1


def _symbol_heading(line: str, names: dict[str, str]) -> tuple[str, int, int] | None:
    """The field a line's opening symbol stands for, and where the symbol stands."""
    stripped = line.lstrip(" \t\u3000")
    start = len(line) - len(stripped)
    for sym, name in names.items():
        if stripped.startswith(sym):
            return name, start, start + len(sym)
    return None


def _close_section(seg: Segments, idx: int, end: int, norm: str) -> None:
    s = seg.sections[idx]
    body = norm[s.body_start : end]
    seg.sections[idx] = Section(
        s.heading,
        s.heading_start,
        s.heading_end,
        s.body_start,
        end,
        bool(_EMPTY_BODY.match(body)),
    )


_SENTENCE_END_RE = rxcache.compile("[" + re.escape(_SENTENCE_END) + "]")
# 10:30 and 12,800 are one token, not two clauses: a mark between two digits is no boundary.
# A space after a figure ends a clause where a word follows (报了每台600 他说太高了: the quote,
# then what he said), unless the word is the figure's unit (9,800 元, 3 万) or the figure is a
# clock time (10:00 去厂里) or a model (psa-90 测一个样). Only a clause: the sentence still names
# whose price it is.
_CLAUSE_END_RE = rxcache.compile(
    "(?<![0-9])[" + re.escape(_CLAUSE_END) + "]|[" + re.escape(_CLAUSE_END) + "](?![0-9])"
    r"|(?<=[0-9%])(?<![:：.][0-9][0-9])(?<![a-z-][0-9])(?<![a-z-][0-9]{2})(?<![a-z-][0-9]{3})"
    r"[ \t\u3000]+(?=[\u4e00-\u9fff])"
    r"(?![元块万千百亿个台套辆吨件箱桶张人次天年月日号点分秒周米平方公斤斤克毛角位家条萬塊億臺輛噸])"
)


# In a note typed without punctuation, a space parts clauses the way a comma would; it ends a
# sentence where the next words open one (然后…, 他说…, 下周…).
_PUNCTUATION = rxcache.compile(r"[。，,！？!?；;]")
_SENTENCE_OPENER = rxcache.compile(
    r"(?:然后|接着|之后|随后|后来|最后|另外|还有|所以|但是|不过|今天|明天|后天|昨天|上午|下午|中午|晚上|早上|"
    r"下次|下周|下个|回头|感觉|我|他|她|对方|客户|老板|说好|约好|约了)"
)


def _split_sentences(seg: Segments, norm: str, start: int, end: int, section: int | None) -> None:
    # A space between two words ends a sentence in a note that also uses punctuation (他说太贵
    # 下周再去); in one typed without any, only where the next words open one (see _SENTENCE_OPENER).
    cuts = [(m.start(), m.start() + 1) for m in _SENTENCE_END_RE.finditer(norm, start, end)]
    spaces = [m.span() for m in _SPACE_BETWEEN_WORDS.finditer(norm, start, end)]
    inner: list[tuple[int, int]] = []  # spaces that part clauses only (a note without punctuation)
    if seg.spaced:
        inner = [sp for sp in spaces if not _SENTENCE_OPENER.match(norm, sp[1])]
        spaces = [sp for sp in spaces if _SENTENCE_OPENER.match(norm, sp[1])]
    cuts += spaces
    cuts.sort()
    s_start = start
    for a, b in cuts:
        _add_sentence(seg, norm, s_start, a, section, inner)
        s_start = b
    _add_sentence(seg, norm, s_start, end, section, inner)


def _add_sentence(
    seg: Segments,
    norm: str,
    start: int,
    end: int,
    section: int | None,
    inner: list[tuple[int, int]] | None = None,
) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    idx = len(seg.sentences)
    seg.sentences.append(Sentence(start, end, section))
    a = start
    clause_at = seg.clause_at
    ends = [m.span() for m in _CLAUSE_END_RE.finditer(norm, start, end)]
    if inner:
        ends = sorted({*ends, *(sp for sp in inner if start <= sp[0] and sp[1] <= end)})
    for i, j in ends:
        if i < a:
            continue
        if i > a:
            clause_at[a:i] = [len(seg.clauses)] * (i - a)
            seg.clauses.append(Clause(a, i, idx))
        a = j
    if end > a:
        clause_at[a:end] = [len(seg.clauses)] * (end - a)
        seg.clauses.append(Clause(a, end, idx))
