"""Build samples/labelled.jsonl (tuning) and samples/labelled-test.jsonl (held out) from the batches.

python samples/batches/build.py

Each batch-N.jsonl is the first reader's file; settled.json holds the labels that were settled by
the spec where the blind second reader (second-N.jsonl) disagreed ("id|criterion" or
"id|facts.name"). Every third note of each batch (ids ...-003, -006, ...) is held out.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
SAMPLES = HERE.parent


def settled_rows(n: int, settled: dict | None = None) -> list[dict]:
    """The notes of batch-n.jsonl with the settled labels applied."""
    if settled is None:
        settled = json.loads((HERE / "settled.json").read_text(encoding="utf-8"))
    with (HERE / f"batch-{n}.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for row in rows:
        for key, value in settled.items():
            note, field = key.split("|")
            if note != row["id"]:
                continue
            if field.startswith("facts."):
                row["facts"][field[6:]] = value
            elif field == "diary":
                row["diary"] = value
            else:
                row["labels"][field] = value
    return rows


def main() -> None:
    settled = json.loads((HERE / "settled.json").read_text(encoding="utf-8"))
    tune, test = [], []
    n = 1
    while (HERE / f"batch-{n}.jsonl").is_file():
        for i, row in enumerate(settled_rows(n, settled), 1):
            (test if i % 3 == 0 else tune).append(row)
        n += 1
    for name, rows in (("labelled.jsonl", tune), ("labelled-test.jsonl", test)):
        with (SAMPLES / name).open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} notes")


if __name__ == "__main__":
    main()
