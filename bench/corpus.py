"""A seeded generator of realistic CRM visit exports, for the bundled sample and the benchmark.

Each rep has a habit profile (how often they name the KP, the two prices, a
comparison, a dated next step, the customer's words, the need, a judgement,
or write a diary), customers are visited one or more times over the weeks,
and notes run from one line to several hundred characters. The same seed
always gives the same rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator

REPS = [
    "张伟",
    "李娜",
    "王磊",
    "刘洋",
    "陈静",
    "杨帆",
    "赵敏",
    "周强",
    "吴昊",
    "孙丽",
    "马超",
    "朱琳",
]
INDUSTRY = [
    ("机械", "空压机", "台", 186000), ("物流", "仓储系统", "套", 86000), ("餐饮", "食材配送", "月", 35000),
    ("医疗", "监护仪", "台", 42000), ("教育", "培训课程", "期", 35000), ("物业", "保洁外包", "月", 145000),
    ("化工", "涂料", "吨", 25000), ("零售", "收银系统", "套", 12000), ("汽配", "车队管理终端", "台", 1280),
    ("建材", "断桥铝门窗", "平米", 680),
]  # fmt: skip
PREFIX = [
    "恒通",
    "鑫达",
    "远航",
    "华丰",
    "宏泰",
    "博远",
    "金辉",
    "启明",
    "永盛",
    "东升",
    "瑞祥",
    "新华",
    "德昌",
    "顺通",
    "安达",
    "福满",
    "云栖",
    "盛和",
    "天成",
    "嘉园",
]
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林"
TITLES = ["总", "经理", "主任", "主管", "工"]
COMPETITORS = ["友商", "别家", "他们现在的供应商", "另一家", "竞品"]
TIMES = ["下周三下午", "月底前", "明天上午", "下周一", "15号", "这周五前", "节后", "下个月初"]
ACTIONS = ["带技术去现场演示", "发正式报价", "送样品过去", "约老板面谈", "带方案再去", "做两周POC"]
CONTEXT = [
    "他们厂区在开发区，一期两栋楼，二期今年动工。", "采购流程是先比价三家，再报总经理审批。",
    "去年换过一次供应商，原因是售后响应太慢。", "他们的财务月结，账期一般60天。",
    "现场看了仓库和车间，设备有些年头了。", "对接人说下个月有个内部评审会，会讨论这个事。",
    "他们的IT就两个人，系统维护靠外包。", "老板平时不在厂里，一周来两三天。",
    "聊到他们的客户主要在华东，旺季是下半年。", "前台登记时看到别家的资料也在桌上。",
    "他们今年的目标是降本百分之十。", "顺便了解了一下他们明年的扩产计划。",
]  # fmt: skip
PAINS = [
    "现在用Excel排，每月要加班三天", "上个月断货停了两天线", "夏天经常高温停机",
    "投诉多，人手不够", "报修一次要等两三天", "旺季爆仓，淡季一半库位空着",
]  # fmt: skip


def _amount(rng: random.Random, base: int) -> tuple[str, int]:
    v = base // 100 * 100 if base >= 1000 else base
    if v >= 10000 and rng.random() < 0.6:
        w = v / 10000
        return (f"{w:g}万", v)
    if rng.random() < 0.2:
        return (f"¥{v:,}", v)
    return (f"{v}元", v)


def _note(
    rng: random.Random,
    profile: dict[str, float],
    customer: str,
    industry: tuple[str, str, str, int],
) -> str:
    _, product, unit, price = industry
    person = rng.choice(SURNAMES) + rng.choice(TITLES)
    parts: list[str] = []
    if rng.random() < profile["diary"]:
        h = rng.randint(8, 10)
        parts.append(
            f"{h}:00出发，{h + 1}:10到了{customer}，先在前台登记，然后等了十几分钟，接着见了{person}。"
        )
        parts.append(f"{h + 1}:40开始介绍我们的{product}，然后演示了一遍，之后去看了他们的现场。")
        parts.append(f"{h + 2}:30离开，下午回公司整理资料。")
        return "".join(parts)
    if rng.random() < profile["kp"]:
        parts.append(
            rng.choice(
                [f"约到了{person}，他是老板，采购他拍板。", f"见了{person}，不是决策人，要老板批。"]
            )
        )
    else:
        parts.append(f"拜访了{customer}，见了{person}。")
    if rng.random() < profile["need"]:
        parts.append(f"{person}说{rng.choice(PAINS)}。")
    elif rng.random() < 0.5:
        parts.append("客户有兴趣，想了解一下。")
    base = int(price * rng.uniform(0.9, 1.2))
    ours, _ = _amount(rng, base)
    if rng.random() < profile["price"]:
        theirs, _ = _amount(rng, int(base * rng.uniform(0.7, 0.95)))
        parts.append(f"我们报价{ours}/{unit}，客户预算{theirs}。")
    elif rng.random() < 0.5:
        parts.append(f"报了价{ours}，客户觉得有点贵。")
    if rng.random() < profile["value"]:
        parts.append(
            f"和{rng.choice(COMPETITORS)}比，我们售后4小时上门，一年能帮他省{rng.randint(2, 9)}万。"
        )
    elif rng.random() < 0.4:
        parts.append("介绍了我们的优势和案例。")
    if rng.random() < profile["voice"]:
        parts.append(
            f"他问能不能先试用一个月，{rng.choice(['说今年预算卡得紧', '担心切换影响生产', '要和现在的合同对一下'])}。"
        )
    elif rng.random() < 0.5:
        parts.append("客户态度还行，聊得挺好。")
    if rng.random() < profile["next"]:
        parts.append(f"下一步：{rng.choice(TIMES)}{rng.choice(ACTIONS)}。")
    else:
        parts.append(rng.choice(["下次再约。", "保持跟进。", ""]))
    if rng.random() < profile["self"]:
        parts.append(rng.choice([
            "我的判断是价格不是死结，关键是让他相信省下来的钱，下次带同行案例。",
            "没签的原因是预算要到下季度，下次先约财务。",
        ]))  # fmt: skip
    elif rng.random() < 0.4:
        parts.append(rng.choice(["感觉有戏。", "意向一般。"]))
    if rng.random() < 0.15:
        return "".join(parts[:3])[:60]  # a one-liner typed on the phone
    if rng.random() < 0.4:
        parts += rng.choices(CONTEXT, k=rng.randint(1, 30))
    return "".join(parts)[:700]


def _profile(rng: random.Random) -> dict[str, float]:
    skill = rng.uniform(0.2, 0.9)
    return {
        k: min(0.95, max(0.05, skill + rng.uniform(-0.25, 0.25)))
        for k in ("kp", "price", "value", "next", "voice", "need", "self")
    } | {"diary": max(0.0, 0.3 - skill * 0.3)}


def generate(
    rows: int, seed: int = 7, reps: int = 8, weeks: int = 4, start: dt.date | None = None
) -> Iterator[dict[str, str]]:
    """``rows`` visit records by ``reps`` reps over ``weeks`` weeks, deterministic for a seed."""
    rng = random.Random(seed)
    start = start or dt.date(2026, 10, 26)
    days = [
        start + dt.timedelta(days=i)
        for i in range(weeks * 7)
        if (start + dt.timedelta(days=i)).weekday() < 5
    ]
    names = REPS[:reps] if reps <= len(REPS) else [f"销售{i:03d}" for i in range(reps)]
    profiles = {r: _profile(rng) for r in names}
    customers: dict[str, list[tuple[str, tuple[str, str, str, int]]]] = {r: [] for r in names}
    for i in range(rows):
        rep = names[i % len(names)]
        day = days[min(len(days) - 1, i * len(days) // max(rows, 1))]
        if customers[rep] and rng.random() < 0.35:
            customer, industry = rng.choice(customers[rep])
        else:
            industry = rng.choice(INDUSTRY)
            customer = f"{rng.choice(PREFIX)}{industry[0]}{len(customers[rep]) + 1:02d}"
            customers[rep].append((customer, industry))
        yield {
            "拜访日期": day.isoformat(),
            "销售": rep,
            "客户名称": customer,
            "客户分类": rng.choice(["A", "B", "C", "D"]),
            "拜访描述": _note(rng, profiles[rep], customer, industry),
        }


def write_csv(
    path: str, rows: int, seed: int = 7, reps: int = 8, weeks: int = 4, bom: bool = True
) -> None:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["拜访日期", "销售", "客户名称", "客户分类", "拜访描述"])
        w.writeheader()
        for row in generate(rows, seed, reps, weeks):
            w.writerow(row)


if __name__ == "__main__":
    import sys

    write_csv(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 240)
