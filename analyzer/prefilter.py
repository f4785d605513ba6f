r"""Which of a rubric's patterns can match a note at all, from one scan for their literals.

Most of a rubric's regular expressions match in few notes, yet each would scan every note.
``required_literals`` reads a pattern's parse tree and finds a set of strings one of which
every match must contain (比(?:他们|友商)便宜 needs 比他们 or 比友商); ``Prefilter`` scans a
note once for all of them (Aho-Corasick) and says which patterns are worth running. A pattern
with no such set (``\d+元``) always runs, so the answers are never different, only sooner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

# Past this many strings an exact set stops being tracked (a cross product grows fast).
_MAX_EXACT = 64
# A character class of up to this many characters is a set of one-character strings.
_MAX_CLASS = 16
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class _Unknown(Exception):
    """The pattern uses something the reading does not follow (a case-blind flag)."""


@dataclass
class _Info:
    """What a piece of a pattern matches: exactly one of a few strings, or text that holds one."""

    exact: frozenset[str] | None  # every string it can match, when few
    needs: frozenset[str] | None  # every match holds one of these (None: nothing known)

    def requirement(self) -> frozenset[str] | None:
        if self.exact is not None and "" not in self.exact:
            return self.exact
        return self.needs


_ANYTHING = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every non-empty match of ``pattern`` contains; None if unknown."""
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        need = _sequence(list(parsed)).requirement()
    except (_Unknown, re.error, RecursionError):
        return None
    if not need or "" in need:
        return None
    return need


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _sequence(items: list) -> _Info:
    exact: frozenset[str] = frozenset({""})  # the strings the current run of items can match
    whole = True  # whether that run is the whole sequence so far
    best: frozenset[str] | None = None
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None and len(exact) * len(info.exact) <= _MAX_EXACT:
            exact = frozenset(a + b for a in exact for b in info.exact)
            continue
        # The run of known strings ends here: each match holds one of them.
        whole = False
        if "" not in exact:
            best = _better(best, exact)
        best = _better(best, info.requirement())
        exact = info.exact if info.exact is not None else frozenset({""})
    if whole:
        return _Info(exact, None)
    if "" not in exact:
        best = _better(best, exact)
    return _Info(None, best)


def _node(op, av) -> _Info:
    if op is sre.LITERAL:
        return _Info(frozenset({chr(av)}), None)
    if op is sre.IN:
        return _class(av)
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, p = av
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _sequence(list(p))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.BRANCH:
        return _branch([_sequence(list(alt)) for alt in av[1]])
    if op in _REPEATS:
        lo, hi, p = av
        inner = _sequence(list(p))
        if lo == 0:
            if hi == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _ANYTHING
        if lo == hi == 1:
            return inner
        return _Info(None, inner.requirement())
    return _ANYTHING


def _class(items: list) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return _ANYTHING  # a negated class, a category, a wide range
    if not chars or len(chars) > _MAX_CLASS:
        return _ANYTHING
    return _Info(frozenset(chars), None)


def _branch(alts: list[_Info]) -> _Info:
    if all(a.exact is not None for a in alts):
        union = frozenset().union(*(a.exact for a in alts))  # type: ignore[arg-type]
        if len(union) <= _MAX_EXACT:
            return _Info(union, None)
    needs = [a.requirement() for a in alts]
    if any(n is None for n in needs):
        return _ANYTHING
    return _Info(None, frozenset().union(*needs))  # type: ignore[arg-type]


class Prefilter:
    """One Aho-Corasick scan of a note says which patterns (by index) could match it."""

    def __init__(self, patterns: Iterable[re.Pattern]) -> None:
        import ahocorasick

        patterns = list(patterns)
        self.size = len(patterns)
        self.always = 0  # patterns with no literal to look for: always run
        masks: dict[str, int] = {}
        for i, rx in enumerate(patterns):
            need = required_literals(rx.pattern, rx.flags & ~re.UNICODE)
            if need is None:
                self.always |= 1 << i
                continue
            for lit in need:
                masks[lit] = masks.get(lit, 0) | (1 << i)
        self._automaton = None
        if masks:
            a = ahocorasick.Automaton()
            for lit, mask in masks.items():
                a.add_word(lit, mask)
            a.make_automaton()
            self._automaton = a

    def possible(self, text: str) -> int:
        """A bit mask: bit i is set when pattern i may match ``text``."""
        mask = self.always
        if self._automaton is not None:
            for _end, m in self._automaton.iter(text):
                mask |= m
        return mask
