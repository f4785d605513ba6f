"""The regex cache: a pattern made from saved code behaves exactly as ``re.compile``'s."""

from __future__ import annotations

import marshal
import re

import pytest

from analyzer import rxcache

PATTERNS = [
    (r"(?P<n>\d+(?:\.\d+)?)\s*(?:万|千)?元", 0),
    (r"[\u4e00-\u9fff]{2,4}?(?:总|经理)", 0),
    (r"(.{1,8})\1", re.DOTALL),
    (r"^\s*【([^】]+)】", re.MULTILINE),
    (r"(?<!我)(?<!我们)已经(?:装|上|买)了|(?=(?:宝钢经销商|经销商))", 0),
    (r"demo|poc", re.IGNORECASE),
]
TEXT = "王总说\n【需求】3.5万元 户户户户 我们已经装了 DEMO 宝钢经销商 李经理\n【下一步】12千元"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A cache folder of its own and no patterns remembered in this process."""
    monkeypatch.setenv("VISIT_ANALYZER_CACHE", str(tmp_path))

    def reset() -> None:
        monkeypatch.setattr(rxcache, "_saved", None)
        monkeypatch.setattr(rxcache, "_made", {})
        monkeypatch.setattr(rxcache, "_used", set())

    reset()
    return reset


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (
        b.pattern,
        b.flags,
        b.groups,
        dict(b.groupindex),
    )
    assert [(m.span(), m.groups()) for m in a.finditer(TEXT)] == [
        (m.span(), m.groups()) for m in b.finditer(TEXT)
    ]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_compiled_here_and_from_the_file_behave_as_re(fresh, pattern, flags):
    _same(rxcache.compile(pattern, flags), re.compile(pattern, flags))
    rxcache._save()
    fresh()
    rx = rxcache.compile(pattern, flags)
    assert rxcache._made == {}  # made from the saved code, not compiled again
    _same(rx, re.compile(pattern, flags))


def test_a_damaged_file_is_ignored(fresh, tmp_path):
    rxcache.compile(r"\d+元")
    rxcache._save()
    (path,) = tmp_path.glob("regex-*.marshal")
    path.write_bytes(b"\x00garbage")
    fresh()
    _same(rxcache.compile(r"\d+元"), re.compile(r"\d+元"))


def test_damaged_code_is_compiled_afresh(fresh, tmp_path):
    rxcache.compile(r"\d+元")
    rxcache._save()
    (path,) = tmp_path.glob("regex-*.marshal")
    entries = marshal.loads(path.read_bytes())
    flags, code, groups, groupindex, indexgroup = entries[(r"\d+元", 0)]
    entries[(r"\d+元", 0)] = (flags, [99999, *code[3:]], groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps(entries))
    fresh()
    _same(rxcache.compile(r"\d+元"), re.compile(r"\d+元"))


def test_a_bad_pattern_is_still_an_error():
    with pytest.raises(re.error):
        rxcache.compile(r"(?P<x>")


def test_the_same_rubric_makes_the_same_patterns_in_every_process():
    """Word lists come from sets; their order changes with the hash seed, the patterns must not."""
    import os
    import subprocess
    import sys

    code = (
        "from analyzer.judge import analyze_text, prepare; from analyzer import rxcache;"
        "analyze_text('见了王总，他说预算不够，下周三再约。', prepare('default'));"
        "print('\\n'.join(sorted(p for p, _ in rxcache._used)))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] and runs[0] == runs[1]
