"""The benchmark script runs (on a tiny corpus); the light commands stay light."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_on_a_tiny_corpus():
    p = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--tiny"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].startswith("measurement")
    for name in ("cold start", "analyze_text", "--jobs 2", "peak RSS", "--help imports jieba"):
        assert any(name in line for line in lines), name


def _modules_after(*args):
    code = (
        "import sys\nfrom analyzer.cli import main\nsys.argv=['visit-analyzer', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('jieba', 'marisa_trie', 'jinja2')))"
    )
    p = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )
    return p.stdout.strip().splitlines()[-1]


def test_help_and_rubrics_do_not_load_jieba():
    assert _modules_after("--help") == "[]"
    assert _modules_after("rubrics") == "[]"
