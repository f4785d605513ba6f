"""Rubric loading: extends, overrides, words in jieba, and one-line errors naming file, line and key."""

import textwrap

import pytest

from analyzer.judge import analyze_text
from analyzer.rubric import RubricError, load_rubric


def write(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_default_has_the_seven_criteria_and_diary(rubric):
    assert [c.id for c in rubric.criteria] == [
        "kp_identified",
        "price_gap",
        "value_comparison",
        "next_step",
        "customer_voice",
        "need_confirmed",
        "self_assessment",
    ]
    assert [f.id for f in rubric.findings] == ["diary"]
    top = sorted(rubric.criteria, key=lambda c: -c.weight)[:4]
    assert {c.id for c in top} == {"kp_identified", "price_gap", "value_comparison", "next_step"}


def test_extends_adds_overrides_and_drops(tmp_path):
    p = write(
        tmp_path,
        "team.yaml",
        """
        extends: default
        name: team
        lexicons:
          competitor: {add: [鼎捷]}
          payment_terms: [账期, 月结, 预付款]
        drop: [customer_voice]
        criteria:
          - id: next_step
            weight: 30
          - id: payment
            title: 付款方式
            weight: 10
            met: {terms: payment_terms}
            messages: {met: 写了付款方式, missing: 没写付款方式}
            suggestions: {missing: 写明账期和付款方式}
        """,
    )
    r = load_rubric(str(p))
    ids = [c.id for c in r.criteria]
    assert "customer_voice" not in ids and ids[-1] == "payment"
    assert next(c for c in r.criteria if c.id == "next_step").weight == 30
    assert "鼎捷" in r.lexicons["competitor"] and "友商" in r.lexicons["competitor"]
    result = analyze_text("客户要求月结60天。", r)
    assert result.criterion("payment").status == "met"
    assert result.criterion("payment").evidence[0].text == "客户要求月结60天"


def test_new_terms_become_jieba_words(tmp_path):
    p = write(
        tmp_path,
        "w.yaml",
        """
        extends: default
        lexicons:
          product: [智能排班宝]
        criteria:
          - id: product_named
            met: {terms: product}
        """,
    )
    r = load_rubric(str(p))
    assert "智能排班宝" in [t.word for t in r.segmenter.tokens("客户试用了智能排班宝。")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("name: [unclosed\n", "invalid YAML"),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {frobnicate: 1}\n",
            "bad.yaml:4: frobnicate: unknown matcher 'frobnicate'",
        ),
        (
            "extends: default\ncriteria:\n  - id: x\n    weight: heavy\n    met: {terms: [a]}\n",
            ":4: weight: must be a number",
        ),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {terms: no_such_lexicon}\n",
            "unknown lexicon 'no_such_lexicon'",
        ),
        ("extends: default\ncriteria:\n  - id: x\n    title: t\n", "needs a 'met' condition"),
        ("extends: default\nbogus: 1\n", ":2: bogus: unknown key"),
        ("extends: default\ncriteria:\n  - id: x\n    met: {fact: nope}\n", "unknown fact 'nope'"),
        (
            "extends: default\nfacts:\n  theirs:\n    extractor: amount\n    role: customer\n"
            "    paired_with: our_price\n",
            "'paired_with' must be ours or customer",
        ),
        ("extends: nowhere\n", "extends: unknown rubric 'nowhere'"),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {person: person_titles, nicknames: 2}\n",
            "'nicknames' must be true or false",
        ),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {decider_met: [黄董]}\n",
            "'decider_met' takes the name of a lexicon of titles",
        ),
        ("extends: default\ndrop: [no_such]\n", "drop: 'no_such' is not a criterion"),
        ("extends: default\ncriteria:\n  - id: x\n    met: {time: someday}\n", "'time' kinds are"),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {section: [判断], unless_heading: nope}\n",
            "unknown lexicon 'nope'",
        ),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {pattern: '要问\\L<nope>'}\n",
            ":4: pattern: unknown lexicon 'nope' in \\L<nope>",
        ),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {criterion: x}\n",
            "depends on itself: criterion x -> criterion x",
        ),
    ],
)
def test_broken_rubrics(tmp_path, body, expected):
    p = tmp_path / "bad.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(RubricError) as e:
        load_rubric(str(p))
    msg = str(e.value)
    assert "\n" not in msg
    assert str(p) in msg
    assert expected in msg


def test_extends_cycle(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\n")
    with pytest.raises(RubricError, match="cycle"):
        load_rubric(str(tmp_path / "a.yaml"))


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    p = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    with pytest.raises(RubricError, match="too large"):
        load_rubric(str(p))


def test_unknown_rubric_name():
    with pytest.raises(RubricError, match="unknown rubric 'nope'"):
        load_rubric("nope")


def test_parsed_rubric_is_cached_and_refreshed_when_the_file_changes(tmp_path, monkeypatch):
    import os
    import time

    from analyzer.rubric import load_rubric

    monkeypatch.setenv("VISIT_ANALYZER_CACHE", str(tmp_path / "cache"))
    base = tmp_path / "team.yaml"
    base.write_text("extends: default\nname: team\npass_score: 70\n", encoding="utf-8")
    assert load_rubric(base).pass_score == 70
    cached = list((tmp_path / "cache").glob("rubric-*.json"))
    assert len(cached) == 1
    assert load_rubric(base).pass_score == 70  # from the cache
    base.write_text("extends: default\nname: team\npass_score: 80\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(base, (later, later))
    assert load_rubric(base).pass_score == 80  # the file changed: read again
    cached[0].write_text("{not json", encoding="utf-8")
    assert load_rubric(base).pass_score == 80  # a broken cache is ignored


def test_symbol_headings_extend_the_default(tmp_path):
    p = write(
        tmp_path,
        "s.yaml",
        """
        extends: default
        language:
          symbol_headings: {"🧾": 报价}
        """,
    )
    r = load_rubric(str(p))
    assert r.language.symbol_headings["🧾"] == "报价"
    assert r.language.symbol_headings["👤"] == "拜访对象"


def test_an_own_people_pattern_needs_a_name_group(tmp_path):
    p = write(
        tmp_path,
        "s.yaml",
        """
        extends: default
        language:
          speech:
            own_people: ['陪访小[\\u4e00-\\u9fff]']
        """,
    )
    with pytest.raises(RubricError, match="own_people"):
        load_rubric(str(p))


def test_amount_gap_cheaper_must_be_a_list_of_words(tmp_path):
    from analyzer.rubric import RubricError, load_rubric

    path = tmp_path / "team.yaml"
    path.write_text(
        "extends: default\nfacts:\n  price_gap:\n    extractor: amount_gap\n"
        "    ours: our_price\n    customer: customer_price\n    cheaper: 便宜\n",
        encoding="utf-8",
    )
    with pytest.raises(RubricError, match="cheaper"):
        load_rubric(str(path))


def test_a_section_heading_can_belong_to_another_section(tmp_path):
    p = write(
        tmp_path,
        "h.yaml",
        """
        extends: default
        criteria:
          - id: review
            met: {section: [分析], unless_heading: [需求]}
        """,
    )
    r = load_rubric(str(p))

    def status(text):
        return {c.id: c.status for c in analyze_text(text, r).criteria}["review"]

    assert status("【需求分析】仓库每月要多租两千平。") == "missing"
    assert status("【拜访分析】没见到老板，价格谈早了。") == "met"


def test_a_polarity_fact_can_say_the_note_does_not_know(tmp_path):
    p = write(
        tmp_path,
        "team.yaml",
        """
        extends: default
        facts:
          pays_on_time:
            extractor: polarity
            yes: {terms: [按时付款]}
            no: {terms: [拖欠]}
            unsure: {terms: [不清楚会不会]}
        criteria:
          - id: payment
            weight: 5
            met: {fact: pays_on_time, in: [yes, no]}
        """,
    )
    r = load_rubric(str(p))
    assert analyze_text("老板说一直按时付款。", r).facts["pays_on_time"] == "yes"
    assert (
        analyze_text("听说以前拖欠过，不清楚会不会按时付款。", r).facts["pays_on_time"] == "unknown"
    )
    assert analyze_text("听说以前拖欠过。", r).facts["pays_on_time"] == "no"


def test_a_pattern_names_a_lexicon_as_a_list_of_its_words(tmp_path):
    # Single-quoted \L<…> and the double-quoted spelling YAML turns into U+2028 read the same.
    p = write(
        tmp_path,
        "team.yaml",
        r"""
        extends: default
        lexicons:
          superiors: [合伙人, 主任, 董事会, 老細]
        criteria:
          - id: above
            weight: 5
            met: {pattern: '(?:要|得)(?:问|跟)\L<superiors>'}
          - id: above_dq
            weight: 5
            met: {pattern: "(?:要|得)(?:问|跟)\L<superiors>"}
        """,
    )
    r = load_rubric(str(p))

    def status(text):
        got = {c.id: c.status for c in analyze_text(text, r).criteria}
        return got["above"], got["above_dq"]

    assert status("这个要问合伙人。") == ("met", "met")
    assert status("得跟董事会讲。") == ("met", "met")
    # The lexicon's words are normalised as the note is: 老細 in the YAML finds 老细 and 老細.
    assert status("要问老細先。") == ("met", "met")
    assert status("要问他们财务。") == ("missing", "missing")
    # A word added to the lexicon reaches the pattern.
    p.write_text(p.read_text(encoding="utf-8").replace("老細]", "老細, 财务]"), encoding="utf-8")
    assert {c.id: c.status for c in analyze_text("要问财务。", load_rubric(str(p))).criteria}[
        "above"
    ] == "met"
