"""The manager's report: aggregates, method rules, every row accounted for, CSV, HTML in a browser."""

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).parent / "fixtures"


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def team_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("r") / "team.json"
    r = run("report", str(ROOT / "samples" / "team.csv"), "-o", str(out))
    assert r.exit_code == 0, r.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_sample_export_is_big_enough():
    with (ROOT / "samples" / "team.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 200
    assert len({r["销售"] for r in rows}) >= 8
    dates = sorted(r["拜访日期"] for r in rows)
    assert dates[0] <= "2026-10-26" and dates[-1] >= "2026-11-19"


def test_team_aggregates(team_json):
    t = team_json["team"]
    assert t["notes"] == 240 and t["errors"] == 0
    assert sum(b["count"] for b in t["bins"]) == 240
    assert len(team_json["reps"]) == 8 and len(team_json["weeks"]) == 4
    rep = team_json["reps"][0]
    assert len(rep["weakest"]) == 3 and rep["weakest"][0]["advice"]
    assert rep["best"]["score"] >= rep["worst"]["score"]
    assert set(rep["met_rate"]) == {c["id"] for c in team_json["criteria"]}


def test_method_rules_on_customers(team_json):
    for c in team_json["customers"]:
        if c["suggested"] == "A":
            assert c["kp_met"] == "yes" and c["need"] == "yes" and c["payment"]
        if c["kp_met"] != "yes" and c["days_without_kp"] is not None and c["days_without_kp"] > 3:
            assert c["suggested"] == "D"
    assert {"A", "D"} <= {c["suggested"] for c in team_json["customers"]}


def test_every_row_is_scored_or_reported(tmp_path):
    out = tmp_path / "r.json"
    inputs = [
        FIX / "export.jsonl",
        FIX / "export-missing-columns.csv",
        FIX / "export-broken-quote.csv",
        FIX / "corrupt.xlsx",
    ]
    r = run("report", *map(str, inputs), "-o", str(out))
    assert r.exit_code == 0
    view = json.loads(out.read_text(encoding="utf-8"))
    # export.jsonl: 3 notes + 2 bad lines; missing-columns: 1 + 1 empty; broken-quote: 1 + 1; corrupt: 0 + 1
    assert view["team"]["notes"] == 5 and view["team"]["errors"] == 5 and view["team"]["rows"] == 10
    sources = [e["source"] for e in view["errors"]]
    assert any(s.endswith("export.jsonl:2") for s in sources) and any(
        s.endswith("corrupt.xlsx") for s in sources
    )
    assert "5 of 10 rows could not be judged" in r.stderr


def test_csv_for_excel(tmp_path):
    p = tmp_path / "evil.csv"
    p.write_text(
        '销售,客户,拜访描述\r\n=HYPERLINK("x"),@SUM(1),"-2+3 见了王总，他是老板"\r\n',
        encoding="utf-8",
    )
    scores = tmp_path / "scores.csv"
    r = run("report", str(p), "-o", str(tmp_path / "t.html"), "--csv", str(scores))
    assert r.exit_code == 0
    raw = scores.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    row = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[1]
    assert row[1] == '\'=HYPERLINK("x")' and row[2] == "'@SUM(1)"
    assert all(not cell.startswith(("=", "+", "@")) for cell in row)


def test_jobs_give_the_same_report_in_order(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    sa, sb = tmp_path / "a.csv", tmp_path / "b.csv"
    src = str(ROOT / "samples" / "team.csv")
    assert run("report", src, "-o", str(a), "--csv", str(sa)).exit_code == 0
    assert run("report", src, "-o", str(b), "--csv", str(sb), "--jobs", "2").exit_code == 0
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    assert sa.read_bytes() == sb.read_bytes()


def test_markdown_report(tmp_path):
    out = tmp_path / "team.md"
    assert run("report", str(ROOT / "samples" / "team.csv"), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 团队拜访记录报告") and "| 销售 | 篇数 | 平均分 |" in text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it")
        pytest.skip("chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        )  # fmt: skip
        yield b
        b.close()


def test_html_report_in_a_real_browser(browser, tmp_path):
    export = tmp_path / "team.csv"
    text = (ROOT / "samples" / "team.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    lines.append(
        '2026-11-20,<script>window.__pwned=1</script>,"<img src=x onerror=window.__pwned=2>",A,"<script>window.__pwned=3</script>见了王总 {{ 7*7 }}"'
    )
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "team.html"
    assert run("report", str(export), "-o", str(out)).exit_code == 0
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []
    assert page.locator("svg#score-distribution rect").count() == 10
    assert page.locator("svg#weekly-trend polyline").count() == 1
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned=3</script>" in page.inner_text("body")
    assert "{{ 7*7 }}" in page.inner_text("body")
    # Readable on a phone: nothing wider than the screen but the scrolling tables.
    assert page.evaluate("document.body.scrollWidth") <= 400
    page.close()
