"""Input-method slips and CRM shorthand are read as meant, and the length never changes."""

import pytest

from analyzer.normalize import normalise


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("下周在去。", "下周再去。"),
        ("kh说在看看 等通知", "客户说再看看 等通知"),
        ("金利达 lb说暂时不需要", "金利达 老板说暂时不需要"),
        ("bj已发 cg说要比一下", "报价已发 采购说要比一下"),
        ("最后是赵总绝定", "最后是赵总决定"),
        ("我们报家42", "我们报价42"),
        ("我觉的这家不行", "我觉得这家不行"),
        ("以经发了报价", "已经发了报价"),
        ("他没说什么 后面在跟", "他没说什么 后面再跟"),
        ("明年下半年在来问问", "明年下半年再来问问"),
        ("报价我回去算了在报给他", "报价我回去算了再报给他"),
        # Dictated notes: speech to text writes a word of the same sound.
        ("他说遇算没那么多", "他说预算没那么多"),
        ("最后是总经理觉定", "最后是总经理决定"),
        ("见了船冬何老板", "见了船东何老板"),
        # Pinyin initials typed on a phone between visits.
        ("xz四下午带demo mt发zl", "下周四下午带demo 明天发资料"),
        (
            "jp便宜不少 jg先不动 yx一般 xq明确 dd下了",
            "竞品便宜不少 价格先不动 意向一般 需求明确 订单下了",
        ),
        ("yz说大概9月底能开", "院长说大概9月底能开"),
    ],
)
def test_slips_are_read_as_meant(text, meant):
    assert normalise(text) == meant


@pytest.mark.parametrize(
    "text",
    [
        "他们在看几家",
        "他现在在用金蝶",
        "他现在在跟另外两家谈",
        "上个月在谈的那单",
        "自报家门",
        "以经济效益为主",
        "5lb的包装",
        "联系了bjx公司",
        # Initials with two readings stay as typed (感觉 or 跟进, 回访 or 回复, 合同 or 后天).
        "gj有戏 hf一下 ht签了",
        "mt5的服务器 dd-200",
    ],
)
def test_words_that_are_no_slips_stay(text):
    assert normalise(text) == text


def test_a_note_with_slips_is_judged_as_meant(status_of):
    assert (
        status_of("金利达 lb说暂时不需要，现在的劳保用品是他亲戚在供。", "kp_identified") == "met"
    )
    assert status_of("前台说负责物流的张经理出差了。下周在去。", "next_step") == "partial"


def test_a_shorthand_date_is_a_time(judge):
    r = judge("见了王院长 xz四下午带工程师过去demo")
    assert r.facts["next_step_when"] == "xz四下午"
