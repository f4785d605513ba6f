"""Agreement between the first and the second (blind) reader of each batch: python samples/batches/agreement.py"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent


def load(p):
    with open(p, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {r["id"]: r for r in rows}


first = {}
second = {}
for n in range(1, 176):
    first.update(load(f"{HERE}/batch-{n}.jsonl"))
    second.update(load(f"{HERE}/second-{n}.jsonl"))
crits = [
    "kp_identified",
    "price_gap",
    "value_comparison",
    "next_step",
    "customer_voice",
    "need_confirmed",
    "self_assessment",
]
facts = ["kp_met", "our_price", "customer_price", "price_gap", "need", "next_step_when"]
tot = {c: 0 for c in crits}
agree = {c: 0 for c in crits}
ft = {f: 0 for f in facts}
fa = {f: 0 for f in facts}
da = 0
dis = []


def same(f, a, b):
    if f in ("our_price", "customer_price", "price_gap"):
        if a is None or b is None:
            return a is None and b is None
        return abs(float(a) - float(b)) <= 0.5
    if f == "next_step_when":
        if not a or not b:
            return not a and not b
        return a in b or b in a
    return a == b


for i, o in first.items():
    s = second[i]
    for c in crits:
        tot[c] += 1
        if o["labels"][c] == s["labels"][c]:
            agree[c] += 1
        else:
            dis.append((i, c, o["labels"][c], s["labels"][c]))
    for f in facts:
        ft[f] += 1
        if same(f, o["facts"][f], s["facts"][f]):
            fa[f] += 1
        else:
            dis.append((i, "facts." + f, o["facts"][f], s["facts"][f]))
    if o["diary"] == s["diary"]:
        da += 1
    else:
        dis.append((i, "diary", o["diary"], s["diary"]))
print(f"{'criterion':<18} agreement (n={len(first)})")
for c in crits:
    print(f"{c:<18} {agree[c] / tot[c]:.3f}")
print(f"{'mean':<18} {sum(agree.values()) / sum(tot.values()):.3f}")
for f in facts:
    print(f"{f:<18} {fa[f] / ft[f]:.3f}")
print(f"{'diary':<18} {da / len(first):.3f}")
print(len(dis), "disagreements")
if len(sys.argv) > 1:
    with open(sys.argv[1], "w", encoding="utf-8") as fh:
        json.dump(dis, fh, ensure_ascii=False)
