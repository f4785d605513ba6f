"""The command line: inputs (stdin, file, folder), every format, --output, --template, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli

ROOT = Path(__file__).resolve().parent.parent
NOTE = "约了王总，他是第一KP。报价3.5万，他预算3万。下周三带方案再去。"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def notes(tmp_path):
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    (folder / "b-恒通.txt").write_text(NOTE, encoding="utf-8")
    (folder / "sub" / "a.md").write_text("见了张经理，他嫌贵。", encoding="utf-8")
    (folder / "ignored.docx").write_text("x", encoding="utf-8")
    return folder


def test_stdin_text_report():
    r = run("analyze", input=NOTE)
    assert r.exit_code == 0
    assert "得分" in r.output and "关键人（第一KP）" in r.output
    assert "“他是第一KP”" in r.output
    assert "\x1b[" not in r.output  # no colour when not a terminal


def test_dash_is_stdin():
    r = run("analyze", "-", "--format", "json", input=NOTE)
    assert json.loads(r.output)[0]["source"] == "-"


def test_folder_in_sorted_order(notes):
    r = run("analyze", str(notes), "--format", "json")
    assert r.exit_code == 0
    sources = [o["source"] for o in json.loads(r.output)]
    assert [Path(s).name for s in sources] == ["b-恒通.txt", "a.md"]


def test_jsonl_one_object_per_line(notes):
    r = run("analyze", str(notes), "--format", "jsonl")
    lines = r.output.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["rubric"] == "default" for line in lines)


@pytest.mark.parametrize(
    ("fmt", "marker"), [("markdown", "| 标准 | 状态 |"), ("html", "<!doctype html>")]
)
def test_template_formats(notes, fmt, marker):
    r = run("analyze", str(notes / "b-恒通.txt"), "--format", fmt)
    assert r.exit_code == 0 and marker in r.output


def test_html_escapes_note_text(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text(
        '<script>alert(1)</script> "><img onerror=x> {{ 7*7*1009 }} 见了张经理', encoding="utf-8"
    )
    r = run("analyze", str(p), "--format", "html")
    assert "<script>alert(1)" not in r.output and "&lt;script&gt;" in r.output
    # A product no path holds: the output names the note's file, under pytest-<n>/ (49 was flaky).
    assert "{{ 7*7*1009 }}" in r.output and "49441" not in r.output


def test_user_template(tmp_path):
    t = tmp_path / "mine.txt.j2"
    t.write_text("{% for n in notes %}{{ n.source }}={{ n.score }};{% endfor %}", encoding="utf-8")
    r = run("analyze", "--template", str(t), input=NOTE)
    assert r.exit_code == 0 and r.output.startswith("-=")


@pytest.mark.parametrize(
    "body",
    [
        "{{ notes.__class__.__mro__ }}",
        "{{ ''.__class__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
    ],
)
def test_user_template_is_sandboxed(tmp_path, body):
    t = tmp_path / "evil.j2"
    t.write_text(body, encoding="utf-8")
    r = run("analyze", "--template", str(t), input=NOTE)
    assert r.exit_code == 2
    assert "Traceback" not in r.output


def test_template_syntax_error(tmp_path):
    t = tmp_path / "bad.j2"
    t.write_text("{% for x in %}", encoding="utf-8")
    r = run("analyze", "--template", str(t), input=NOTE)
    assert r.exit_code == 2 and "bad.j2:1: template syntax error" in r.output


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "scores.json"
    r = run("analyze", "--format", "json", "--output", str(out), input=NOTE)
    assert r.exit_code == 0 and r.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))[0]["score"] > 0
    assert [p.name for p in tmp_path.iterdir()] == ["scores.json"]


def test_output_not_touched_on_failure(tmp_path):
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    t = tmp_path / "bad.j2"
    t.write_text("{{ undefined_name.x }}", encoding="utf-8")
    r = run("analyze", "--template", str(t), "--output", str(out), input=NOTE)
    assert r.exit_code == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.j2", "report.html"]


def test_output_in_missing_folder(tmp_path):
    r = run("analyze", "--output", str(tmp_path / "nope" / "x.json"), input=NOTE)
    assert r.exit_code == 2 and "does not exist" in r.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "/no/such/file.txt"], "no such file or folder"),
        (["analyze", "--rubric", "nope"], "unknown rubric 'nope'"),
        (["analyze", "--format", "pdf"], "Invalid value"),
    ],
)
def test_usage_errors_exit_2(args, message):
    r = run(*args, input=NOTE)
    assert r.exit_code == 2 and message in r.output


def test_bad_file_in_a_batch_costs_nothing_else(notes):
    (notes / "c-empty.txt").write_text("   ", encoding="utf-8")
    (notes / "d-binary.txt").write_bytes(b"\x00\x01\x02PK")
    r = run("analyze", str(notes), "--format", "jsonl")
    assert r.exit_code == 2
    assert len([line for line in r.stdout.splitlines() if line.startswith("{")]) == 2
    assert "c-empty.txt: empty note" in r.output and "d-binary.txt: binary file" in r.output


def test_gbk_file_is_detected(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(NOTE.encode("gbk"))
    r = run("analyze", str(p), "--format", "json")
    assert json.loads(r.output)[0]["facts"]["our_price"] == 35000


def test_long_note_is_judged_on_its_first_part(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text(NOTE + "介绍了产品。" * 50, encoding="utf-8")
    r = run("analyze", str(p), "--format", "json", "--max-chars", "100")
    obj = json.loads(r.output)[0]
    assert any(f["id"] == "truncated" for f in obj["findings"])


def test_rubrics_lists_bundled():
    r = run("rubrics", "--format", "json")
    listing = json.loads(r.output)
    assert listing[0]["name"] == "default" and len(listing[0]["criteria"]) == 7


def test_eval_command(tmp_path):
    p = tmp_path / "l.jsonl"
    p.write_text(
        json.dumps(
            {"id": "1", "text": NOTE, "labels": {"kp_identified": "met", "self_assessment": "met"}}
        )
        + "\n",
        encoding="utf-8",
    )
    r = run("eval", str(p), "--format", "json", "--show-errors")
    d = json.loads(r.output)
    assert d["notes"] == 1
    sa = next(c for c in d["criteria"] if c["id"] == "self_assessment")
    assert sa["accuracy"] == 0 and d["errors"][0]["expected"] == "met"
    r = run("eval", str(p), "--min-accuracy", "0.9")
    assert r.exit_code == 1


def test_eval_bad_label(tmp_path):
    p = tmp_path / "l.jsonl"
    p.write_text('{"text": "x", "labels": {"kp_identified": "maybe"}}\n', encoding="utf-8")
    r = run("eval", str(p))
    assert r.exit_code == 2 and "l.jsonl:1: labels.kp_identified" in r.output


def _exe(*args, **kw):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args], capture_output=True, text=True, env=env, **kw
    )


def test_real_process_stdin_and_exit_code(tmp_path):
    p = _exe("analyze", "--format", "json", input=NOTE, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)[0]["facts"]["price_gap"] == 5000


def test_real_process_errors_are_one_line(tmp_path):
    p = _exe("analyze", "missing.txt", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stderr.strip() == "visit-analyzer: missing.txt: no such file or folder"


def test_bundled_rules_and_templates_work_from_any_folder(tmp_path):
    p = _exe(
        "analyze",
        str(ROOT / "samples" / "notes" / "恒通-1126.txt"),
        "--format",
        "html",
        cwd=tmp_path,
    )
    assert p.returncode == 0 and "<html" in p.stdout


def test_eval_reads_csv_with_a_column_per_criterion(tmp_path):
    p = tmp_path / "labels.csv"
    p.write_text(
        "id,text,kp_identified,price_gap\r\n1,约了王总，他是第一KP。报价3.5万，他预算3万。,met,met\r\n2,介绍了产品。,missing,partial\r\n",
        encoding="utf-8-sig",
    )
    d = json.loads(run("eval", str(p), "--format", "json", "--show-errors").output)
    kp = next(c for c in d["criteria"] if c["id"] == "kp_identified")
    pg = next(c for c in d["criteria"] if c["id"] == "price_gap")
    assert kp["n"] == 2 and kp["accuracy"] == 1.0
    assert pg["n"] == 2 and pg["accuracy"] == 0.5 and pg["confusion"]["partial"]["missing"] == 1
    assert [e["id"] for e in d["errors"]] == ["2"]


def test_eval_table_keeps_large_counts_apart():
    from analyzer.evaluate import CriterionScore, Evaluation, FactScore, render_table

    c = CriterionScore("self_assessment")
    c.confusion["missing"]["partial"] = 28
    c.confusion["missing"]["missing"] = 1597
    ev = Evaluation(1625, [c], [], FactScore("diary"), [])
    row = next(line for line in render_table(ev).splitlines() if line.startswith("self_"))
    assert row.split("miss:")[1].split() == ["0", "28", "1597"]
