"""check: verdicts, exit codes, every output format parsed, config discovery and errors, pre-commit."""

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.checkformat import _gh_data, _gh_prop
from analyzer.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOOD = (
    "约了王总，他是老板，采购他拍板。他说现在用Excel排班，每月加班三天。报价3.5万，他预算3万。"
    "和友商比我们多了自动排班，每月能省两个人工。下周三下午带技术去演示。我的判断是价格不是问题，因为他更在意加班。"
)
POOR = "拜访了客户，介绍了产品。"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "notes" / "销售部").mkdir(parents=True)
    (tmp_path / "notes" / "销售部" / "好记录.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes" / "差记录.md").write_text("第一行\n" + POOR, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_text_format_and_exit_codes(project):
    r = run("check", "notes")
    assert r.exit_code == 1
    lines = r.stdout.strip().splitlines()
    assert lines[-1] == "2 notes, 1 failed"
    first = lines[0]
    assert first.startswith("notes/差记录.md:1:1: error score ")
    assert all(line.split(":")[0].endswith(".md") for line in lines[:-1])
    assert run("check", "notes/销售部/好记录.txt").exit_code == 0
    assert run("check", "notes", "--exit-zero").exit_code == 0


def test_columns_count_characters(project):
    p = project / "col.txt"
    p.write_text("第一行\n見了張經理，他嫌貴。", encoding="utf-8")
    out = run("check", str(p), "--min-level", "info").stdout
    # 见了张经理 starts at the first character of line 2
    assert "col.txt:2:1: warning kp_identified" in out  # partial: a level below the rubric's error


MID = GOOD.replace("他说现在用Excel排班，每月加班三天。", "").replace(
    "我的判断是价格不是问题，因为他更在意加班。", ""
)


def test_fail_under_and_require(project):
    mid = project / "mid.txt"
    mid.write_text(MID, encoding="utf-8")
    r = run("check", str(mid), "--fail-under", "95")
    assert r.exit_code == 1 and "error score" in r.stdout
    assert run("check", str(mid), "--fail-under", "50").exit_code == 0
    (project / ".visit-analyzer.yaml").write_text(
        "require:\n  customer_voice: met\n", encoding="utf-8"
    )
    good_but = project / "x.txt"
    good_but.write_text(GOOD.replace("他说现在用Excel排班，每月加班三天。", ""), encoding="utf-8")
    r = run("check", str(good_but), "--fail-under", "0")
    assert r.exit_code == 1 and "error customer_voice" in r.stdout


def test_strict_makes_warnings_fail(project):
    p = project / "w.txt"
    p.write_text(MID, encoding="utf-8")  # customer voice missing: a warning
    assert run("check", str(p), "--fail-under", "0").exit_code == 0
    assert (
        run("check", str(p), "--fail-under", "0", "--strict", "--min-level", "info").exit_code == 1
    )


def test_min_level_filters_shown(project):
    all_lines = run("check", "notes", "--min-level", "info").stdout.splitlines()
    errors = run("check", "notes", "--min-level", "error").stdout.splitlines()
    assert len(errors) < len(all_lines)
    assert all(" error " in line for line in errors[:-1])


def test_json_format(project):
    r = run("check", "notes", "--format", "json")
    data = json.loads(r.stdout)
    assert [d["check"]["failed"] for d in data] == [True, False]
    assert data[0]["criteria"][0]["id"] == "kp_identified"
    f = data[0]["check"]["findings"][0]
    assert {"rule", "level", "message", "line", "col"} <= set(f)


def test_junit_format(project):
    r = run("check", "notes", "--format", "junit")
    root = ET.fromstring(r.stdout)
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
    suites = root.findall("testsuite")
    assert len(suites) == 2
    failed = [tc for s in suites for tc in s.findall("testcase") if tc.find("failure") is not None]
    assert len(failed) == 1 and failed[0].get("name").endswith("差记录.md")
    assert {f.get("type") for f in failed[0].findall("failure")} >= {"score", "kp_identified"}


def test_sarif_format(project):
    r = run("check", "notes", "--format", "sarif", "--min-level", "info")
    doc = json.loads(r.stdout)
    assert doc["version"] == "2.1.0" and isinstance(doc["runs"], list)
    run0 = doc["runs"][0]
    assert run0["columnKind"] == "utf16CodeUnits"
    driver = run0["tool"]["driver"]
    assert driver["name"] == "visit-analyzer" and isinstance(driver["rules"], list)
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert "kp_identified" in rule_ids and "score" in rule_ids
    assert run0["results"]
    for res in run0["results"]:
        assert res["ruleId"] in rule_ids and rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note", "none")
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert all(
            isinstance(region[k], int) and region[k] >= 1
            for k in ("startLine", "startColumn", "endLine", "endColumn")
        )
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(
            "notes/"
        )


def test_sarif_columns_are_utf16(project):
    p = project / "emoji.txt"
    p.write_text("😀😀，見了張經理。", encoding="utf-8")
    doc = json.loads(run("check", str(p), "--format", "sarif", "--min-level", "info").stdout)
    region = next(
        r["locations"][0]["physicalLocation"]["region"]
        for r in doc["runs"][0]["results"]
        if r["ruleId"] == "kp_identified"
    )
    assert region["startColumn"] == 6  # two astral characters are four UTF-16 units, then the comma
    text = run("check", str(p), "--min-level", "info").stdout
    assert "emoji.txt:1:4: warning kp_identified" in text  # characters, not bytes or units


def test_github_format_and_escaping(project):
    r = run("check", "notes", "--format", "github")
    cmds = [line for line in r.stdout.splitlines() if line.startswith("::")]
    assert cmds and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in cmds)
    props = cmds[0].split(" ", 1)[1].split("::", 1)[0]
    keys = [p.split("=", 1)[0] for p in props.split(",")]
    assert keys[:3] == ["file", "line", "col"] and "title" in keys
    assert _gh_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert _gh_prop("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_picked_on_actions(project):
    r = run("check", "notes", env={"GITHUB_ACTIONS": "true"})
    assert r.stdout.startswith("::")


def test_github_message_with_percent_colon_newline(project, tmp_path):
    rub = tmp_path / "r.yaml"
    rub.write_text(
        'extends: default\ncriteria:\n  - id: kp_identified\n    messages: {missing: "100%: 没写\\n见了谁, 下次写"}\n',
        encoding="utf-8",
    )
    r = run("check", "notes/差记录.md", "--format", "github", "--rubric", str(rub))
    line = next(x for x in r.stdout.splitlines() if "kp_identified" in x)
    message = line.split("::", 2)[2]
    assert message.startswith("100%25: 没写%0A见了谁, 下次写")
    assert "\n" not in message


def test_config_discovered_from_nested_folder(project, monkeypatch):
    (project / ".visit-analyzer.yaml").write_text(
        "fail-under: 0\nexclude: ['*.md']\n", encoding="utf-8"
    )
    nested = project / "notes" / "销售部"
    monkeypatch.chdir(nested)
    r = run("check")
    assert r.exit_code == 0 and r.stdout.strip().endswith("1 notes, 0 failed")
    out = run("config").stdout
    assert f"# config file: {project / '.visit-analyzer.yaml'}" in out
    assert "fail-under: 0  # " in out and ".visit-analyzer.yaml:1" in out
    assert 'rubric: "default"  # default' in out


def test_pyproject_table(project):
    (project / "pyproject.toml").write_text(
        '[tool.visit-analyzer]\nfail-under = 0\nrubric = "default"\n', encoding="utf-8"
    )
    out = run("config").stdout
    assert "pyproject.toml:2" in out
    assert run("check", "notes/销售部").exit_code == 0


def test_rubric_path_relative_to_config(project):
    (project / "cfg").mkdir()
    (project / "cfg" / "team.yaml").write_text("extends: default\nname: team\n", encoding="utf-8")
    (project / "cfg" / "va.yaml").write_text("rubric: team.yaml\n", encoding="utf-8")
    r = run("check", "notes", "--config", "cfg/va.yaml", "--format", "json")
    assert json.loads(r.stdout)[0]["rubric"] == "team"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("fail_under: 50\n", ".visit-analyzer.yaml:1: fail_under: unknown key"),
        ("fail-under: high\n", ".visit-analyzer.yaml:1: fail-under: expected a number"),
        (
            "require:\n  kp_identified: sometimes\n",
            "require.kp_identified: expected met or partial",
        ),
        ("require:\n  nope: met\n", "require.nope: not a criterion"),
        ("include: 5\n", "include: expected a list of strings"),
        ("rubric: [a]\n", "rubric: expected a rubric name or path"),
        ("columns:\n  textt: 内容\n", "columns.textt: unknown key"),
        ("fail-under: [\n", "invalid YAML"),
    ],
)
def test_config_errors(project, body, message):
    (project / ".visit-analyzer.yaml").write_text(body, encoding="utf-8")
    r = run("check", "notes")
    assert r.exit_code == 2
    assert message in r.output and "Traceback" not in r.output


def test_user_dictionary(project):
    (project / ".visit-analyzer.yaml").write_text(
        "user-dictionary: [智能排班宝]\n", encoding="utf-8"
    )
    from analyzer.config import load_config, user_words

    assert user_words(load_config()) == ["智能排班宝"]


def test_chinese_paths_and_tables(project):
    export = project / "导出" / "十一月.csv"
    export.parent.mkdir()
    export.write_text(
        "拜访描述,销售\r\n" + POOR + ",张伟\r\n" + GOOD + ",李娜\r\n", encoding="utf-8"
    )
    r = run("check", str(export.relative_to(project)))
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0].startswith("导出/十一月.csv:2:1: error")


def test_missing_path_exits_2(project):
    r = run("check", "nope.txt")
    assert r.exit_code == 2 and "nope.txt: no such file or folder" in r.output


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_from_a_local_clone(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    shown = subprocess.run(
        ["git", "-C", str(ROOT), "show", "HEAD:.pre-commit-hooks.yaml"], capture_output=True
    )
    if not head or shown.returncode != 0:
        pytest.skip("the hook file is not committed yet")
    repo = tmp_path / "reports"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")  # fmt: skip
    env.pop("GITHUB_ACTIONS", None)

    def git(*a):
        return subprocess.run(
            ["git", *a], cwd=repo, env=env, capture_output=True, text=True, check=True
        )

    git("init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: visit-analyzer-check\n",
        encoding="utf-8",
    )
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    git("add", ".")
    pc = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    ok = subprocess.run(pc, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (repo / "poor.txt").write_text(POOR, encoding="utf-8")
    git("add", ".")
    bad = subprocess.run(pc, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert bad.returncode == 1
    assert "poor.txt:1:1: error" in bad.stdout
