"""Never crash, never lose a note, never run what a note or template smuggles in.

Property tests (hypothesis) and the bad-input matrix: each case checks the one-line message
and the exit code a user gets.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.cli import cli
from analyzer.judge import analyze_text

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).parent / "fixtures"
NOTE = "约了王总，他是第一KP。报价3.5万，他预算3万。下周三带方案再去。"

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))

NOTE_TEXT = st.one_of(
    st.text(),
    st.text(
        alphabet=st.characters(blacklist_categories=())
    ),  # control chars, lone surrogates, anything
    st.lists(
        st.sampled_from(
            [
                "报价",
                "3.5万",
                "他说",
                "没有",
                "下周三",
                "【下一步】",
                "\n",
                "，",
                "😀",
                "xxx",
                "老板",
                "ＫＰ",
                "報價",
            ]
        )
    ).map("".join),
)


def check_contract(text, result):
    d = result.to_dict()
    json.loads(json.dumps(d))  # serialisable
    assert 0 <= d["score"] <= 100 and isinstance(d["passed"], bool) and isinstance(d["diary"], bool)
    assert len(d["criteria"]) == 7
    for c in d["criteria"]:
        assert c["status"] in ("met", "partial", "missing")
        for e in c["evidence"]:
            assert text[e["start"] : e["end"]] == e["text"]
    for f in d["findings"]:
        for e in f["evidence"]:
            assert text[e["start"] : e["end"]] == e["text"]


@given(NOTE_TEXT)
def test_analyze_text_any_string(rubric, text):
    check_contract(text, analyze_text(text, rubric))


@pytest.mark.parametrize(
    "text", ["", "   \n\t ", "\x00\x01\x1b[31m", "\ud800 lone \udfff", "😀" * 50, "a" * 5]
)
def test_edge_strings(rubric, text):
    check_contract(text, analyze_text(text, rubric))


def test_a_million_characters(rubric):
    text = (NOTE + "然后介绍了产品，客户说还行。") * 25_000
    assert len(text) >= 1_000_000
    t = time.perf_counter()
    result = analyze_text(text, rubric)
    check_contract(text, result)
    assert time.perf_counter() - t < 120


@given(st.binary(max_size=600))
@settings(max_examples=25)
def test_any_bytes_exit_0_or_2(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("b")
    for name in ("note.txt", "export.csv", "export.jsonl"):
        p = folder / name
        p.write_bytes(data)
        for cmd in (
            ["analyze", str(p)],
            ["check", str(p)],
            ["report", str(p), "-o", str(folder / "r.html")],
        ):
            r = CliRunner().invoke(cli, cmd)
            assert r.exit_code in (0, 1, 2) if cmd[0] == "check" else r.exit_code in (0, 2), (
                cmd,
                r.output,
            )
            assert r.exception is None or isinstance(r.exception, SystemExit), (cmd, r.exception)
            assert "Traceback" not in r.output


# -- the bad-input matrix -----------------------------------------------------------------


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(r, code, text):
    assert r.exit_code == code, r.output
    errors = [line for line in r.stderr.splitlines() if line.startswith("visit-analyzer:")]
    assert errors and text in errors[0], r.stderr
    assert "Traceback" not in r.output


@pytest.mark.parametrize(
    ("make", "args", "text"),
    [
        (None, ["analyze", "missing.txt"], "missing.txt: no such file or folder"),
        ("empty_dir", ["analyze", "{d}"], "no notes (*.txt, *.md) or tables"),
        ("binary", ["analyze", "{d}/x.txt"], "x.txt: binary file, not text"),
        ("undecodable", ["analyze", "{d}/x.txt"], "x.txt: not text in UTF-8 or GBK/GB18030"),
        ("empty", ["analyze", "{d}/x.txt"], "x.txt: empty note"),
        (None, ["analyze", str(FIX / "export-no-text.csv")], "no note column"),
        (
            None,
            ["analyze", str(FIX / "export-broken-quote.csv")],
            "export-broken-quote.csv:3: broken CSV line",
        ),
        (None, ["analyze", str(FIX / "corrupt.xlsx")], "corrupt.xlsx: not a readable .xlsx"),
        (
            None,
            ["analyze", str(FIX / "protected.xlsx")],
            "protected.xlsx: password-protected or encrypted",
        ),
        (None, ["analyze", str(FIX / "export.jsonl")], "export.jsonl:2: broken JSON line"),
        (
            None,
            ["analyze", "--encoding", "nope-enc", str(FIX / "export-gbk.csv")],
            "unknown encoding 'nope-enc'",
        ),
    ],
)
def test_bad_inputs(tmp_path, make, args, text):
    d = tmp_path / "in"
    d.mkdir()
    if make == "binary":
        (d / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    elif make == "undecodable":
        (d / "x.txt").write_bytes(b"note \x80\x80\x80 \xff")
    elif make == "empty":
        (d / "x.txt").write_bytes(b"")
    r = run(*[a.replace("{d}", str(d)) for a in args])
    one_line_error(r, 2, text)


def test_long_note_judged_on_first_part(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text(NOTE * 2000, encoding="utf-8")
    r = run("analyze", str(p), "--format", "json")
    d = json.loads(r.stdout)[0]
    assert r.exit_code == 0 and any(f["id"] == "truncated" for f in d["findings"])


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (
            "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
            + "".join(
                f"b{i}: &b{i} [" + ",".join(["*a" if i == 0 else f"*b{i - 1}"] * 10) + "]\n"
                for i in range(7)
            ),
            "too large",
        ),
        (
            "extends: default\ncriteria:\n  - id: x\n    met: {magic: 1}\n",
            "unknown matcher 'magic'",
        ),
        ("extends: cycle.yaml\n", "extends: cycle"),
        ("extends: nowhere.yaml\n", "extends: 'nowhere.yaml' not found"),
    ],
)
def test_bad_rubrics(tmp_path, body, text):
    p = tmp_path / "cycle.yaml"
    p.write_text(body, encoding="utf-8")
    one_line_error(run("analyze", "--rubric", str(p), input=NOTE), 2, text)


def test_template_syntax_error(tmp_path):
    t = tmp_path / "t.j2"
    t.write_text("{% if %}", encoding="utf-8")
    one_line_error(
        run("analyze", "--template", str(t), input=NOTE), 2, "t.j2:1: template syntax error"
    )


def test_template_cannot_read_files(tmp_path):
    t = tmp_path / "t.j2"
    t.write_text("{% include '../../../../etc/passwd' %}", encoding="utf-8")
    r = run("analyze", "--template", str(t), input=NOTE)
    assert r.exit_code == 2 and "root:" not in r.output


def test_output_in_missing_folder(tmp_path):
    one_line_error(
        run("analyze", "-o", str(tmp_path / "no" / "x.txt"), input=NOTE), 2, "does not exist"
    )


def test_output_in_read_only_folder(tmp_path):
    if os.geteuid() == 0:
        # root writes anywhere; a path through a regular file is unwritable for everyone
        target = tmp_path / "file.txt"
        target.write_text("x", encoding="utf-8")
        one_line_error(
            run("analyze", "-o", str(target / "x.json"), input=NOTE), 2, "is not a folder"
        )
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        one_line_error(run("analyze", "-o", str(ro / "x.json"), input=NOTE), 2, "cannot write here")


def _cli(*args, **kw):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args], capture_output=True, env=env, **kw
    )


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs the /dev/full device")
def test_full_disk():
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, "-m", "analyzer", "analyze", "--format", "json"], input=NOTE.encode(),
                           stdout=full, stderr=subprocess.PIPE)  # fmt: skip
    assert p.returncode == 2
    err = p.stderr.decode()
    assert err.strip() == "visit-analyzer: cannot write output: No space left on device"
    p = _cli("analyze", "-o", "/dev/full", input=NOTE.encode())
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    assert Path("/dev/full").is_char_device()


def test_closed_pipe(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:03d}.txt").write_text(NOTE, encoding="utf-8")
    # The exit code is visit-analyzer's own, not head's.
    p = subprocess.run(
        [
            "bash",
            "-c",
            f'"{sys.executable}" -m analyzer analyze "{folder}" --format jsonl | head -1; exit ${{PIPESTATUS[0]}}',
        ],
        capture_output=True,
    )
    assert p.returncode == 0
    assert (
        len(p.stdout.splitlines()) == 1
        and b"Traceback" not in p.stderr
        and b"Exception" not in p.stderr
    )


def test_ctrl_c_exits_130(tmp_path):
    sys.path.insert(0, str(ROOT))
    from bench.corpus import write_csv

    export = tmp_path / "big.csv"
    write_csv(str(export), 20000)  # far more than can be scored before the signal
    out = tmp_path / "r.html"
    for jobs in ("1", "2"):
        p = subprocess.Popen(
            [sys.executable, "-m", "analyzer", "report", str(export), "-o", str(out), "--jobs", jobs],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            # As from a terminal: a test run started in the background inherits Ctrl-C ignored.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # fmt: skip
        # Signal once the report is under way (its temporary file exists), not after a fixed
        # wait: on a loaded machine start-up alone can take longer than any fixed wait.
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".r.html*")) and p.poll() is None:
            assert time.monotonic() < deadline, "the report never started"
            time.sleep(0.05)
        time.sleep(0.3)
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        assert p.returncode == 130, err
        assert b"Traceback" not in err and err.decode().strip().endswith(
            "visit-analyzer: interrupted"
        )
        assert not out.exists() and not list(tmp_path.glob(".r.html*"))


def test_batch_count_in_equals_scored_plus_reported(tmp_path):
    out = tmp_path / "r.json"
    inputs = [
        FIX / "export.jsonl",
        FIX / "export-missing-columns.csv",
        FIX / "corrupt.xlsx",
        FIX / "export-gbk.csv",
    ]
    r = run("report", *map(str, inputs), "-o", str(out))
    view = json.loads(out.read_text(encoding="utf-8"))
    assert r.exit_code == 0
    assert view["team"]["rows"] == view["team"]["notes"] + view["team"]["errors"] == 11


# -- security -------------------------------------------------------------------------------

EVIL = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}"]


def test_html_outputs_escape_notes_reps_and_customers(tmp_path):
    export = tmp_path / "evil.csv"
    rows = ["销售,客户名称,拜访日期,拜访描述"]
    for i, evil in enumerate(EVIL):
        rows.append(
            f'"{evil.replace(chr(34), chr(34) * 2)}","{evil.replace(chr(34), chr(34) * 2)}",2026-11-0{i + 1},"见了王总 {evil.replace(chr(34), chr(34) * 2)}"'
        )
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    team = tmp_path / "team.html"
    assert run("report", str(export), "-o", str(team)).exit_code == 0
    single = run("analyze", str(export), "--format", "html").stdout
    for html in (team.read_text(encoding="utf-8"), single):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html and ">49<" not in html


@pytest.mark.parametrize(
    "body",
    [
        "{{ notes.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_sandboxed_user_templates(tmp_path, body):
    t = tmp_path / "evil.j2"
    t.write_text(body, encoding="utf-8")
    r = run("analyze", "--template", str(t), input=NOTE)
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "template" in r.stderr


def test_yaml_is_loaded_safely(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text(
        "extends: default\nname: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8"
    )
    r = run("analyze", "--rubric", str(p), input=NOTE)
    assert r.exit_code == 2 and "pwned" not in r.output


def test_two_cold_starts_at_once_leave_a_valid_cache(tmp_path):
    cache = tmp_path / "cache"
    env = dict(os.environ, VISIT_ANALYZER_CACHE=str(cache), NO_COLOR="1")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "analyzer", "analyze", "--format", "json"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(NOTE.encode(), timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert json.loads(outs[0][0]) == json.loads(outs[1][0])
    from analyzer.fastdict import _dat_functions

    accelerated = _dat_functions() is not None and not os.environ.get("VISIT_ANALYZER_PURE_PYTHON")
    # No temp files left behind (the regexes are one .marshal); the double-array trie only where
    # jieba-fast-dat is installed.
    assert sorted(f.suffix for f in cache.iterdir()) == sorted(
        [".freq", ".trie", ".json", ".marshal", *([".dat"] if accelerated else [])]
    )
    again = subprocess.run([sys.executable, "-m", "analyzer", "analyze", "--format", "json"], input=NOTE.encode(),
                           capture_output=True, env=env, timeout=60)  # fmt: skip
    assert json.loads(again.stdout) == json.loads(outs[0][0])


def test_no_writable_cache_folder_still_works(monkeypatch, tmp_path):
    import tempfile

    from analyzer import tokenizer

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("VISIT_ANALYZER_CACHE", str(blocker / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "xdg"))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(blocker / "tmp"))
    assert tokenizer.cache_dir() is None
    seg = tokenizer.Segmenter(["第一kp"])
    assert [t.word for t in seg.tokens("他是第一kp")] == ["他", "是", "第一kp"]
