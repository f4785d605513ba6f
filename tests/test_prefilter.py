"""The literal scan before a batch's patterns: it may skip a pattern only where it cannot match."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.conditions import compiled_patterns
from analyzer.document import Document
from analyzer.judge import analyze_text
from analyzer.prefilter import Prefilter, required_literals

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "pattern, literals",
    [
        ("比(?:他们|友商)便宜", {"比他们便宜", "比友商便宜"}),
        (r"\d+元", {"元"}),
        ("[一二三]个月", {"一个月", "二个月", "三个月"}),
        (r"(?<!不)需要\d+台", {"需要"}),  # the longer of the two runs is the one to look for
        (r"预算(?:是|有)?\s*\d", {"预算", "预算是", "预算有"}),
        (r"(?:老板|老总)(?:不在|没在)", {"老板不在", "老板没在", "老总不在", "老总没在"}),
        (r"(?:预算|\d+万)", {"预算", "万"}),
        (r"(?:下周|\d+号)(?=去)", {"下周", "号"}),
        (r"(?:报价){2,}", {"报价"}),
    ],
)
def test_literals_every_match_holds(pattern, literals):
    assert required_literals(pattern) == frozenset(literals)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+",  # nothing literal
        r"x*",  # may match nothing
        r"(?:预算|\d)",  # one alternative holds no literal
        r"(?i)kp",  # case-blind: a scan for kp would miss KP
        r"[^预]+",
    ],
)
def test_literals_unknown(pattern):
    assert required_literals(pattern) is None


# Random small patterns over a few characters, and texts over the same characters.
_ATOMS = st.sampled_from(["a", "b", "价", "比", r"\d", ".", "[ab]", "[^a]", "(?!a)", "(?<=b)"])


def _patterns():
    return st.recursive(
        _ATOMS,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=4).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
            st.tuples(inner, st.sampled_from(["?", "*", "+", "{2}", "{1,3}", "+?"])).map(
                lambda t: "(?:" + t[0] + ")" + t[1]
            ),
        ),
        max_leaves=8,
    )


@settings(max_examples=400, deadline=None)
@given(_patterns(), st.text(alphabet="ab价比1 ", max_size=12))
def test_a_pattern_is_never_skipped_where_it_matches(pattern, text):
    pf = Prefilter([re.compile(pattern)])
    if any(m.end() > m.start() for m in re.finditer(pattern, text)):
        assert pf.possible(text) & 1


def _labelled_texts():
    texts = []
    for name in ("labelled.jsonl", "labelled-test.jsonl"):
        with (ROOT / "samples" / name).open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def test_no_rubric_pattern_skipped_where_it_matches(rubric):
    patterns = compiled_patterns()
    assert len(patterns) > 50  # the default rubric's patterns are registered
    pf = Prefilter(patterns)
    skipped = 0
    for text in _labelled_texts():
        doc = Document(text, rubric.segmenter.spans, rubric.language, rubric.word_set)
        mask = pf.possible(doc.norm)
        for i, rx in enumerate(patterns):
            if not (mask >> i) & 1:
                skipped += 1
                assert not any(m.end() > m.start() for m in rx.finditer(doc.norm)), rx.pattern
    assert skipped > 0  # the scan does skip something, or it is not worth having


def test_a_pattern_compiled_after_the_prefilter_always_runs(rubric):
    from analyzer import conditions

    pf = Prefilter(compiled_patterns())
    assert (pf.possible("") | (-1 << pf.size)) >> pf.size & 1
    saved = conditions._PREFILTER[0]
    try:
        conditions._PREFILTER[0] = Prefilter(compiled_patterns()[:1])
        assert conditions.possible_patterns("") >> 5 & 1
        text = "见了老板王总，他说预算3万，我们报价4万，下周三去演示。"
        without = analyze_text(text, rubric)
        conditions.build_prefilter()
        assert analyze_text(text, rubric) == without
    finally:
        conditions._PREFILTER[0] = saved


def test_one_note_does_not_pay_for_the_scan_a_batch_builds():
    import subprocess
    import sys

    code = (
        "from analyzer import conditions\n"
        "from analyzer.judge import analyze_text, prepare\n"
        "r = prepare('default'); analyze_text('见了王总，他说下周三再谈。', r)\n"
        "print(conditions._PREFILTER[0] is None)\n"
        "for _ in range(conditions.BUILD_AFTER): analyze_text('见了王总，他说下周三再谈。', r)\n"
        "print(conditions._PREFILTER[0] is None)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["True", "False"]
