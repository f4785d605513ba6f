"""Negation scope, reported speech, tokens and placeholders on real sentence shapes."""

import pytest


def term_span(doc, term):
    i = doc.norm.index(term)
    return i, i + len(term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("没有见到第一KP", "第一kp"),
        ("并未和竞品做对比", "竞品"),
        ("暂时没有需求", "需求"),
        ("他不是决策人", "决策人"),
        ("价格还没谈", "价格"),
        ("老板不在，见了行政", "老板"),
        # The topic of a clause whose predicate is a negated "talk about".
        ("见了王总。报价什么的还没谈。", "报价"),
        ("价格她没问，我也没提。", "价格"),
        ("预算她没说。", "预算"),
        ("价格按长江均价升水多少还没谈。", "价格"),
    ],
)
def test_negated(doc_of, text, term):
    d = doc_of(text)
    assert d.is_negated(*term_span(d, term))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("没见到老板，但见了财务", "财务"),
        ("没见到老板只见了行政", "行政"),
        ("不是老板而是他们的采购", "采购"),
        ("效果不错，客户有需求", "需求"),
        ("他不太认可我们的价格", "价格"),
        ("没想到他们预算这么多", "预算"),
        # A-not-A is a question, not a negation.
        ("换不换要看财务总监的意思", "财务总监"),
        ("问他有没有预算", "预算"),
        ("考虑不考虑换供应商", "供应商"),
        # Talked about, and the talk failed; or the negation is not about the topic.
        ("价格没谈拢，他嫌贵。", "价格"),
        ("报价发过去了，他说还没看。", "报价"),
        ("我们聊了价格，他没问账期。", "价格"),
    ],
)
def test_not_negated(doc_of, text, term):
    d = doc_of(text)
    assert not d.is_negated(*term_span(d, term))


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("他说现在用Excel排班", "customer"),
        ("客户表示预算有限", "customer"),
        ("对方问能不能对接钉钉", "customer"),
        ("王总说夏天经常停机", "customer"),
        ("我觉得这单有戏", "rep"),
        ("我判断价格不是问题", "rep"),
        ("我们老板说要重点跟", "rep"),
        ("我跟他说了我们的优势", "rep"),
    ],
)
def test_speaker(doc_of, text, who):
    d = doc_of(text)
    assert d.speaker_at(len(text) - 1) == who


def test_quotes_are_customer_voice(doc_of):
    d = doc_of("刘姐原话：“修一次等两三天，急死人。”")
    assert any(c.speaker == "customer" for c in d.speech)


def test_rubric_terms_stay_single_tokens(doc_of):
    words = [t.word for t in doc_of("他是第一KP，心理价位2万5，友商报价5k").tokens]
    assert "第一kp" in words and "心理价位" in words


def test_terms_match_inside_a_compound_rubric_word(doc_of, status):
    # 友商报价 is itself a rubric word (a price cue); the competitor term 友商 still matches in it.
    assert "友商" in doc_of("友商报价5k").token_ngrams
    assert status("友商报价5k。", "value_comparison") == "partial"


def test_a_rubric_word_that_ends_inside_another(doc_of):
    # jieba cuts 后续约 as 后/续约 (续约 is a word of its own); 后续 + 约 tile it as well.
    assert "后续" in doc_of("后续约行装科。").token_ngrams


def test_term_does_not_match_inside_a_word(status):
    # 总 of 总结 is not a person; a term matches whole tokens only.
    assert status("今天总结了一下行业情况。", "kp_identified") == "missing"


@pytest.mark.parametrize("text", ["见了xxx，他是", "拜访了某某公司的某某", "见了[客户名称]的人"])
def test_placeholders_are_not_names(status, text):
    assert status(text, "kp_identified") != "met"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # jieba cuts 小/陈说 and 保安队/长说: the verb glued to the subject's last character.
        ("采购办的小陈说产包现在用的是老供应商的。", "小陈说"),
        ("接着车间队长说他们的道闸经常抬不起来。", "队长说"),
        ("店员说老板不管进货。", "店员说"),
        ("孙馆长说这个事馆长办公会定就行。", "孙馆长说"),
    ],
)
def test_customer_side_people_however_jieba_cuts_them(doc_of, text, cue):
    d = doc_of(text)
    assert [(c.speaker, d.norm[c.start : c.end]) for c in d.speech] == [("customer", cue)]


def test_a_latin_name_is_not_cut_inside_a_word(doc_of):
    d = doc_of("PO还没下来，procurement说在走legal review。")
    word = d.norm.index("procurement")
    assert not any(word < c.start < word + len("procurement") for c in d.speech)


def test_a_noun_after_a_preposition_does_not_speak(doc_of):
    # 给他们几个部门的人讲了: the rep spoke to them; 车间的人说 is the customer speaking.
    assert doc_of("给他们几个部门的人讲了我们的CRM。").speech == []
    d = doc_of("车间的人说设备老坏。")
    assert [(c.speaker, d.norm[c.start : c.end]) for c in d.speech] == [("customer", "的人说")]


def test_whom_someone_spoke_to_does_not_speak(doc_of):
    # 我给客户IT讲了: the rep told the customer's IT; 对接的调度说 is the customer speaking.
    assert [c.speaker for c in doc_of("我给客户IT讲了NVR的参数。").speech] == ["rep"]
    d = doc_of("对接的调度说德邦给了他们月结90天。")
    assert [c.speaker for c in d.speech] == ["customer"]


def test_latin_jargon_is_no_person(doc_of):
    # deck讲了40分钟: a slide deck, no one named Deck; Kevin说 is a person.
    assert [
        c for c in doc_of("deck讲了40分钟，团队反馈很好。").speech if c.speaker == "customer"
    ] == []
    assert [c.speaker for c in doc_of("Kevin说下周给答复。").speech] == ["customer"]
    # 司机APP全讲了一遍: an app, not someone called App.
    pitch = "小王从北斗定位、电子围栏讲到司机APP全讲了一遍。"
    assert [c for c in doc_of(pitch).speech if c.speaker == "customer"] == []
