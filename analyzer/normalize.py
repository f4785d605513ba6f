"""Normalise a note for matching without moving any character.

The normalised text has exactly the length of the note as read, so every
offset found on it is an offset into the original: full-width digits and
letters become half-width (NFKC, per character), ASCII letters are lower-cased
(``KP`` and ``kp`` are one term), Cantonese and northern words become Mandarin ones of the
same length (``dialect``), and traditional characters become simplified.
Characters whose normal form is longer than one character are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata

from . import rxcache
from .dialect import cantonese_to_mandarin, is_cantonese, northern_to_mandarin
from .typos import fix_typos

_converter = None


def _t2s():
    global _converter
    if _converter is None:
        try:
            import opencc

            _converter = opencc.OpenCC("t2s")
        except Exception:  # pragma: no cover - opencc is a declared dependency
            _converter = False
    return _converter


# Symbols that notes written in symbols use for words: up (价↑8% / 单价↑4块), down, about.
_SYMBOL_WORDS = {"↑": "高", "↓": "低", "≈": "约"}


def _char(c: str) -> str:
    if c in _SYMBOL_WORDS:
        return _SYMBOL_WORDS[c]
    n = unicodedata.normalize("NFKC", c)
    if len(n) != 1:
        return c
    if "A" <= n <= "Z":
        return n.lower()
    return n


class _CharTable(dict):
    """``str.translate`` table filled on first sight of each character: one C call per note."""

    def __missing__(self, code: int) -> str:
        if len(self) > 200_000:  # pragma: no cover - a note of random code points
            self.clear()
        out = self[code] = _char(chr(code))
        return out


_TABLE = _CharTable()


def normalise(text: str) -> str:
    """Return ``text`` normalised for matching, with ``len(result) == len(text)``."""
    if text.isascii():
        return text.lower()
    if _LIST_MARKER.search(text):
        text = _LIST_MARKER.sub(_point_break, text)
    out = text.translate(_TABLE)
    if "×" in out:
        out = _CROSS_FOR_NOT.sub("不", out)
    if "**" in out or "__" in out:
        out = _EMPHASIS.sub(_spaces, out)
    if is_cantonese(out):
        out = cantonese_to_mandarin(out)
    out = northern_to_mandarin(out)
    conv = _t2s()
    if conv and _has_cjk(out):
        simplified = _convert(conv, out)
        if len(simplified) == len(out):
            out = simplified
        else:
            # A phrase conversion changed the length: fall back to per character.
            out = "".join(_convert(conv, c) if len(_convert(conv, c)) == 1 else c for c in out)
        if "著" in out:
            out = _ZHE.sub("着", out)
    return fix_typos(out)


# Circled and parenthesised numbers (①, ⑴, ⒈, ❶, ➀, ㈠) number the points of a note typed in one
# line (①见了行政小吴；②去年体检在爱康；③…). Each starts a point as a line break would, so it becomes
# one; NFKC would glue ⑤ to the point's first word as a 5 (5下周三上午 is no time). A number that
# already starts its line becomes a space.
_LIST_MARKER = rxcache.compile("[\u2460-\u249b\u24eb-\u24fe\u2776-\u2793\u3220-\u3229]")


def _point_break(m: re.Match) -> str:
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    return " " if not m.string[line_start : m.start()].strip(" \t\u3000") else "\n"


# Reps who write in symbols use × for "not" before a word (合同×她签, ×自动续, 门店×权换); between
# figures it stays a times sign (42台×80度, 1.2米×2米).
_CROSS_FOR_NOT = rxcache.compile(r"×(?=[\u4e00-\u9fff])")


# Markdown bold pasted from a notes app (我报 **800元/MW**, **下周四前**把…): the marks are no part of
# what is said, so they read as zero-width spaces, which join words as the marks did and end no
# sentence (a space between two words would). *** and longer runs stay (a placeholder for a price).
_EMPHASIS = rxcache.compile(r"(?<![*_])(?:\*\*|__)(?![*_])")


def _spaces(m: re.Match) -> str:
    return "\u200b" * len(m.group())


# Taiwan writes the aspect particle 着 as 著 (接著, 跟著), which t2s keeps as 著 (著名).
_ZHE = rxcache.compile(r"(?<=[接跟等看试带拿听说想随沿顺朝向靠照忙急])著")


def _convert(conv, s: str) -> str:
    try:
        return conv.convert(s)
    except Exception:
        return s


def _has_cjk(s: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in s)
