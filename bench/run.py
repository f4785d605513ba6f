"""Benchmark visit-analyzer against jieba itself and print one table of figures with their ratios.

python bench/run.py            # the full run (several minutes: a 100,000-row export is scored)
python bench/run.py --tiny     # a seconds-long smoke run of every measurement (used by the tests)

Everything is generated from a seed, so two runs measure the same notes. Wall times are
medians of repeated runs; the cold starts run after one warm-up run (caches warm).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate, write_csv  # noqa: E402

CLI = [sys.executable, "-m", "analyzer"]
JIEBA_COLD = [sys.executable, "-c", "import jieba; jieba.lcut('拜访')"]


def wall(cmd: list[str], runs: int, **kw) -> float:
    """Median wall time of ``cmd`` over ``runs`` runs, after one warm-up run."""
    subprocess.run(cmd, check=True, capture_output=True, **kw)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, **kw)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_rss_kb(cmd: list[str]) -> tuple[int, float]:
    """Peak resident memory (KB) of a command's process, and its wall time."""
    t = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.Popen(cmd, stdout=devnull, stderr=devnull)
        _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return usage.ru_maxrss, time.perf_counter() - t


def median_rate(fn, chars: int, runs: int) -> float:
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        rates.append(chars / (time.perf_counter() - t))
    return statistics.median(rates)


def imports_jieba(args: list[str]) -> bool:
    code = (
        "import sys\nfrom analyzer.cli import main\nsys.argv=['visit-analyzer', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('JIEBA=%s' % ('jieba' in sys.modules))"
    )
    p = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    return "JIEBA=True" in p.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--tiny", action="store_true", help="tiny sizes: checks that every measurement runs"
    )
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    tiny = args.tiny
    runs = 2 if tiny else 7
    notes_n = 60 if tiny else 3000
    jobs_rows = 200 if tiny else 8000
    small_rows, large_rows = (100, 1000) if tiny else (1000, 100_000)

    work = Path(tempfile.mkdtemp(prefix="va-bench-"))
    try:
        rows = []
        note_file = ROOT / "samples" / "notes" / "恒通-1126.txt"

        # 1. Cold start, caches warm: jieba's and ours, and Python's own bytecode cache, which a
        # first run writes unless PYTHONDONTWRITEBYTECODE says not to (some sandboxes set it).
        default_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        jieba_cold = wall(JIEBA_COLD, runs, env=default_env)
        ours_cold = wall([*CLI, "analyze", str(note_file)], runs, env=default_env)
        rows.append(("cold start: stock jieba import + lcut", f"{jieba_cold:.3f} s", ""))
        rows.append(("cold start: visit-analyzer analyze <note>", f"{ours_cold:.3f} s",
                     f"{ours_cold / jieba_cold:.2f}x (target <= 0.40x, < 0.35 s)"))  # fmt: skip
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            jieba_nopyc = wall(JIEBA_COLD, runs)
            ours_nopyc = wall([*CLI, "analyze", str(note_file)], runs)
            rows.append(("  same, PYTHONDONTWRITEBYTECODE set: jieba", f"{jieba_nopyc:.3f} s", ""))
            rows.append(("  same, PYTHONDONTWRITEBYTECODE set: ours", f"{ours_nopyc:.3f} s",
                         f"{ours_nopyc / jieba_nopyc:.2f}x"))  # fmt: skip

        # 2. Throughput in one process.
        texts = [r["拜访描述"] for r in generate(notes_n, seed=args.seed)]
        chars = sum(map(len, texts))
        from analyzer.fastdict import import_jieba
        from analyzer.judge import analyze_text, prepare

        jieba = import_jieba()
        jieba.initialize()
        rubric = prepare("default")  # as the CLI does before a batch
        # Side by side: the two alternate, so a machine that slows down slows both.
        pairs = [
            (
                median_rate(lambda: [jieba.lcut(t) for t in texts], chars, 1),
                median_rate(lambda: [analyze_text(t, rubric) for t in texts], chars, 1),
            )
            for _ in range(2 if tiny else 5)
        ]
        rate_jieba = statistics.median(j for j, _ in pairs)
        rate_ours = statistics.median(o for _, o in pairs)
        ratio_ours = statistics.median(o / j for j, o in pairs)
        corpus = work / "notes.jsonl"
        corpus.write_text(
            "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
            encoding="utf-8",
        )
        cli_time = wall([*CLI, "analyze", str(corpus), "--format", "jsonl"], 1 if tiny else 3)
        rows.append(
            (f"bare jieba.lcut ({notes_n} notes, {chars} chars)", f"{rate_jieba:,.0f} chars/s", "")
        )
        rows.append(("analyze_text, one process", f"{rate_ours:,.0f} chars/s",
                     f"{ratio_ours:.2f}x of jieba (target >= 0.60x)"))  # fmt: skip
        rows.append(("visit-analyzer analyze corpus.jsonl (end to end)", f"{chars / cli_time:,.0f} chars/s",
                     f"{chars / cli_time / rate_jieba:.2f}x of jieba"))  # fmt: skip

        # 3. --jobs 1 vs --jobs 2.
        export = work / "jobs.csv"
        write_csv(str(export), jobs_rows, seed=args.seed, reps=12, weeks=8)
        j1 = wall(
            [*CLI, "report", str(export), "-o", str(work / "j1.html"), "--jobs", "1"],
            1 if tiny else 3,
        )
        j2 = wall(
            [*CLI, "report", str(export), "-o", str(work / "j2.html"), "--jobs", "2"],
            1 if tiny else 3,
        )
        rows.append((f"report {jobs_rows} rows --jobs 1", f"{j1:.2f} s", ""))
        rows.append(
            (
                f"report {jobs_rows} rows --jobs 2",
                f"{j2:.2f} s",
                f"{j1 / j2:.2f}x faster (target >= 1.70x)",
            )
        )

        # 4. Peak memory: small vs large export, streamed end to end.
        small, large = work / "small.csv", work / "large.csv"
        write_csv(str(small), small_rows, seed=args.seed, reps=20, weeks=8)
        write_csv(str(large), large_rows, seed=args.seed, reps=20, weeks=8)
        rss_s, _ = peak_rss_kb([*CLI, "report", str(small), "-o", str(work / "s.html")])
        rss_l, t_l = peak_rss_kb(
            [*CLI, "report", str(large), "-o", str(work / "l.html"), "--jobs", "2"]
        )
        rows.append((f"report peak RSS, {small_rows:,} rows", f"{rss_s / 1024:.0f} MB", ""))
        rows.append((f"report peak RSS, {large_rows:,} rows (--jobs 2, {t_l:.0f} s)", f"{rss_l / 1024:.0f} MB",
                     f"{rss_l / rss_s:.2f}x (target <= 1.30x)"))  # fmt: skip

        # 5. What --help and rubrics import.
        for cmd in (["--help"], ["rubrics"]):
            rows.append(
                (
                    f"visit-analyzer {' '.join(cmd)} imports jieba",
                    str(imports_jieba(cmd)),
                    "(target False)",
                )
            )

        width = max(len(r[0]) for r in rows)
        print(f"{'measurement':<{width}}  {'figure':>18}  ratio")
        for name, figure, ratio in rows:
            print(f"{name:<{width}}  {figure:>18}  {ratio}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
