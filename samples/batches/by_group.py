"""Accuracy on the held-out notes by batch group: python samples/batches/by_group.py [FILE]

The batches were written in rounds (1–6 in session 1, 7–10 and 11–14 in session 2, 15–18, 19–20
and 21–22 in session 3, 23–24, 25–26 and 27–28 in session 4, 29–31, 32–34, 35–37, 38–40,
41–43 and 44–46 in session 5, 47–49, 50–52, 53–55 and 56–57 in session 6, 58–61, 62–64,
65–67, 68–70, 71–73 and 74–76 in session 7, each round in new voices); the later rounds show
how the rubric does on phrasing it was not first written for.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from analyzer.evaluate import evaluate, load_labelled  # noqa: E402
from analyzer.rubric import load_rubric  # noqa: E402

GROUPS = [
    ("batches 1-6", 1, 6),
    ("batches 7-10", 7, 10),
    ("batches 11-14", 11, 14),
    ("batches 15-18", 15, 18),
    ("batches 19-20", 19, 20),
    ("batches 21-22", 21, 22),
    ("batches 23-24", 23, 24),
    ("batches 25-26", 25, 26),
    ("batches 27-28", 27, 28),
    ("batches 29-31", 29, 31),
    ("batches 32-34", 32, 34),
    ("batches 35-37", 35, 37),
    ("batches 38-40", 38, 40),
    ("batches 41-43", 41, 43),
    ("batches 44-46", 44, 46),
    ("batches 47-49", 47, 49),
    ("batches 50-52", 50, 52),
    ("batches 53-55", 53, 55),
    ("batches 56-57", 56, 57),
    ("batches 58-61", 58, 61),
    ("batches 62-64", 62, 64),
    ("batches 65-67", 65, 67),
    ("batches 68-70", 68, 70),
    ("batches 71-73", 71, 73),
    ("batches 74-76", 74, 76),
    ("batches 77-79", 77, 79),
    ("batches 80-82", 80, 82),
    ("batches 83-85", 83, 85),
    ("batches 86-88", 86, 88),
    ("batches 89-91", 89, 91),
    ("batches 92-94", 92, 94),
    ("batches 95-97", 95, 97),
    ("batches 98-100", 98, 100),
    ("batches 101-103", 101, 103),
    ("batches 104-106", 104, 106),
    ("batches 107-109", 107, 109),
    ("batches 110-112", 110, 112),
    ("batches 113-115", 113, 115),
    ("batches 116-118", 116, 118),
    ("batches 119-121", 119, 121),
    ("batches 122-124", 122, 124),
    ("batches 125-127", 125, 127),
    ("batches 128-130", 128, 130),
    ("batches 131-133", 131, 133),
    ("batches 134-136", 134, 136),
    ("batches 137-139", 137, 139),
    ("batches 140-142", 140, 142),
    ("batches 143-145", 143, 145),
    ("batches 146-148", 146, 148),
    ("batches 149-151", 149, 151),
    ("batches 152-154", 152, 154),
    ("batches 155-157", 155, 157),
    ("batches 158-160", 158, 160),
    ("batches 161-163", 161, 163),
    ("batches 164-166", 164, 166),
    ("batches 167-169", 167, 169),
    ("batches 170-172", 170, 172),
    ("batches 173-175", 173, 175),
]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples" / "labelled-test.jsonl"
    notes = load_labelled(path)
    rubric = load_rubric()
    for name, lo, hi in GROUPS:
        chosen = [n for n in notes if lo <= int(n.id.split("-")[0][1:]) <= hi]
        if not chosen:
            continue
        ev = evaluate(chosen, rubric)
        mean = sum(c.accuracy for c in ev.criteria) / len(ev.criteria)
        cells = " ".join(f"{c.id} {c.accuracy:.3f}" for c in ev.criteria)
        print(f"{name:<14} n={len(chosen):<4} mean {mean:.3f}  {cells}")


if __name__ == "__main__":
    main()
