"""Score whole batches with their settled labels: python samples/batches/score.py 23 24 ...

A new batch is scored this way as soon as its disagreements are settled and before any rule is
written for it: the closest figure there is to how the rubric does on a voice it has not met.
Run it from a checkout of the commit to reproduce a figure measured then.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from analyzer.evaluate import LabelledNote, evaluate  # noqa: E402
from analyzer.rubric import load_rubric  # noqa: E402

from build import settled_rows  # noqa: E402


def main() -> None:
    batches = [int(a) for a in sys.argv[1:]]
    if not batches:
        raise SystemExit("usage: python samples/batches/score.py N [N ...]")
    rubric = load_rubric()
    for n in batches:
        notes = [
            LabelledNote(r["id"], r["text"], r["labels"], r["facts"], r.get("diary"))
            for r in settled_rows(n)
        ]
        ev = evaluate(notes, rubric)
        crit = " ".join(f"{c.id} {c.accuracy:.3f}" for c in ev.criteria)
        print(f"batch {n:<3} n={ev.notes:<3} mean {ev.mean_accuracy:.3f}  {crit}")


if __name__ == "__main__":
    main()
