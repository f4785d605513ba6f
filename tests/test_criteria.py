"""Each criterion of the default rubric on short notes, at its met / partial / missing edges."""

import pytest

CASES = {
    "kp_identified": [
        ("约了王总，他是第一KP。", "met"),
        ("见到了老板本人。", "met"),
        ("对接的是采购小李，不是拍板的人。", "met"),
        ("这次没见到第一KP，只见了行政。", "met"),
        ("见了张经理。", "partial"),
        ("跟对接人聊了一下。", "partial"),
        ("今天去了客户公司，介绍了产品。", "missing"),
    ],
    "price_gap": [
        ("报价3.5万，他预算3万。", "met"),
        ("和客户差了8千。", "met"),
        ("他嫌贵。", "partial"),
        ("报价3万，客户觉得高。", "partial"),
        ("价格还没谈。", "missing"),
        ("介绍了产品。", "missing"),
    ],
    "value_comparison": [
        ("和友商比我们多了自动排班，他们每月能省两个人工。", "met"),
        ("客户也在看友商。", "partial"),
        ("介绍了我们的优势。", "partial"),
        ("我并没有把产品价值和竞争对手进行比较。", "missing"),
    ],
    "next_step": [
        ("下周三下午带技术去演示。", "met"),
        ("月底前发正式报价。", "met"),
        ("明天约老板。", "met"),
        ("下次再找机会沟通。", "partial"),
        ("保持跟进。", "partial"),
        ("等客户消息。", "partial"),
        ("上次说下次再来，这次把方案带过去了。", "missing"),
        ("没约下次时间。", "missing"),
    ],
    "customer_voice": [
        ("他说现在用Excel排班，每月要加班三天。", "met"),
        ("客户问能不能对接钉钉。", "met"),
        ("刘姐原话：“修一次等两三天，急死人。”", "met"),
        ("客户态度还行。", "partial"),
        ("聊得挺好。", "partial"),
        ("给客户介绍了我们的产品和公司，演示了系统，讲了三个案例。", "missing"),
        ("我觉得这个客户很有潜力。", "missing"),
    ],
    "need_confirmed": [
        ("他说现在用Excel排班，每月要加班三天。", "met"),
        ("客户暂时没有需求。", "met"),
        ("客户预算只有3万。", "met"),
        ("客户有需求。", "partial"),
        ("客户想了解一下。", "partial"),
        ("介绍了产品。", "missing"),
    ],
    "self_assessment": [
        ("我的判断是没把价值讲透，下次先讲案例。", "met"),
        ("没签的原因是预算要到下季度。", "met"),
        ("感觉有戏。", "partial"),
        ("意向一般。", "partial"),
        ("介绍了产品。", "missing"),
    ],
}


@pytest.mark.parametrize(
    ("criterion", "text", "expected"),
    [(c, t, e) for c, cases in CASES.items() for t, e in cases],
)
def test_criterion(status, criterion, text, expected):
    assert status(text, criterion) == expected


def test_kp_met_fact(judge):
    assert judge("约了王总，他是第一KP。").facts["kp_met"] == "yes"
    assert judge("对接的是采购小李，不是决策人。").facts["kp_met"] == "no"
    assert judge("见了张经理。").facts["kp_met"] == "unknown"
    # 我们老板 is the rep's own boss, not the customer's decision maker.
    assert judge("今天跟我们老板一起去拜访了张经理。").facts["kp_met"] == "unknown"


def test_need_fact(judge):
    assert judge("客户暂时没有需求。").facts["need"] == "no"
    assert judge("他说每月要加班三天排班。").facts["need"] == "yes"
    assert judge("客户有兴趣。").facts["need"] == "unknown"


def test_next_step_when(judge):
    assert judge("下周三下午带技术去演示。").facts["next_step_when"] == "下周三下午"
    assert judge("保持跟进。").facts["next_step_when"] is None


def test_diary(judge):
    diary = "9:00出发，10:10到了客户公司，先登记，然后等了十分钟，接着见了采购，11:40离开。"
    assert judge(diary).diary is True
    judged = diary + "我的判断是这家没有预算，因为采购说今年不上新设备，下次不用再来。"
    assert judge(judged).diary is False


def test_score_weights(judge, rubric):
    r = judge("约了王总，他是第一KP。")
    assert r.score == round(100 * 20 / rubric.total_weight)
    assert not r.passed
