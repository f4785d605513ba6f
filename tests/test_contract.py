"""The JSON contract of `analyze --format json`: keys, types and offsets are pinned."""

import json

from click.testing import CliRunner

from analyzer.cli import cli

NOTE = "约了王总，他是第一KP。报价3.5万，他预算3万。下周三带方案再去。"


def test_contract_shape():
    out = CliRunner().invoke(cli, ["analyze", "--format", "json"], input=NOTE).output
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 1
    note = data[0]
    assert list(note)[:8] == [
        "source",
        "rubric",
        "score",
        "passed",
        "criteria",
        "facts",
        "diary",
        "findings",
    ]
    assert note["source"] == "-" and note["rubric"] == "default"
    assert isinstance(note["score"], int) and 0 <= note["score"] <= 100
    assert isinstance(note["passed"], bool) and isinstance(note["diary"], bool)
    assert [c["id"] for c in note["criteria"]] == [
        "kp_identified",
        "price_gap",
        "value_comparison",
        "next_step",
        "customer_voice",
        "need_confirmed",
        "self_assessment",
    ]
    for c in note["criteria"]:
        assert {"id", "status", "weight", "score", "evidence", "message", "suggestion"} <= set(c)
        assert c["status"] in ("met", "partial", "missing")
        assert (c["suggestion"] is None) == (c["status"] == "met")
        for e in c["evidence"]:
            assert NOTE[e["start"] : e["end"]] == e["text"]
    assert note["facts"] == {
        "kp_met": "yes",
        "our_price": 35000,
        "customer_price": 30000,
        "price_gap": 5000,
        "need": "yes",
        "next_step_when": "下周三",
    }
    assert note["findings"] == []


def test_offsets_are_into_the_note_as_read():
    text = "【客户】恒通\n约了王总，他是第一ＫＰ。報價３．５萬，他預算３萬。"
    note = json.loads(CliRunner().invoke(cli, ["analyze", "--format", "json"], input=text).output)[
        0
    ]
    for c in note["criteria"]:
        for e in c["evidence"]:
            assert text[e["start"] : e["end"]] == e["text"]
    assert note["facts"]["our_price"] == 35000 and note["facts"]["customer_price"] == 30000
