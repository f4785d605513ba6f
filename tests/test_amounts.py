"""Amount forms convert to yuan; counts, areas, phones and model numbers are not money."""

import pytest

from analyzer.amounts import cn_to_number, find_amounts
from analyzer.normalize import normalise


def values(text):
    return [a.value for a in find_amounts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.5万", 35000),
        ("三万五", 35000),
        ("三万五千", 35000),
        ("2万5", 25000),
        ("3万5，含税", 35000),
        ("1.2w", 12000),
        ("5k/年", 5000),
        ("¥12,800", 12800),
        ("¥9,800/年", 9800),
        ("12800元", 12800),
        ("18.6万", 186000),
        ("一台1万2", 12000),
        ("两万", 20000),
        ("单价11.5元", 11.5),
        ("每月150元/坐席", 150),
        ("３．５万", 35000),
        # Said aloud: 2万8千8 is 28800; 4.5万一台 keeps 一台 as the unit.
        ("首年总价2万8千8", 28800),
        ("4.5万一台", 45000),
        # Under a yuan, said aloud in 毛; a small amount said as money.
        ("一张三毛二", 0.32),
        ("给他报的三毛五", 0.35),
        ("打包盒一块一毛五一个", 1.15),
        ("病历本一块二一本", 1.2),
        ("以前都是一块钱一本", 1),
        # Hundredths said with 钱.
        ("现在那家一张8分钱", 0.08),
        ("差两分钱", 0.02),
    ],
)
def test_amount_forms(text, expected, doc_of):
    # Full-width forms are judged after normalisation, as the analyzer does.
    norm = doc_of(text).norm
    assert values(norm) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "200人",
        "3万平",
        "13812345678",
        "08B链条",
        "提了3点",
        "3号楼",
        "10:30到",
        "打9折",
        "考了8分",
        "两三分钱的事",
        "30%",
        "万一",
        "千万别",
        "2个亿",
        "22kW变频机",
        "我们的38℃",
        "相机换成500万像素的",
        "八百乘八百的砖",
        "今天去合肥那邊的12吋廠",
        "800×800的抛釉砖",
        "毛利三成",
        "还有两三毛的空间",
        # Cases treated and head of stock are counts.
        "一个月大概10来例",
        "存栏5000头",
    ],
)
def test_not_money(text, doc_of):
    norm = doc_of(text).norm
    assert [a for a in find_amounts(norm) if a.explicit] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三万五千一台", [35000]),
        ("我们一千九一方", [1900]),  # per cubic metre, not 1100
        ("一百二一条", [120]),
        ("一千一", [1100]),  # with nothing counted after it, the 一 is the hundreds
        ("40尺一个柜1万零500", [40, 10500]),  # 零: the thousands are empty
        ("3万零800元", [30800]),
        ("四十八一升", [48]),  # per litre, said aloud
        ("到厂价790，5500大卡的", [790]),  # a comma between two figures groups no thousands
        ("对方报价12,800元", [12800]),
    ],
)
def test_count_after_price_is_not_part_of_it(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", ["一个月用1200片", "40万页图纸", "一张几十块钱"])
def test_counts_and_vague_money_are_no_amount(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("cn", "n"),
    [
        ("十二万", 120000),
        ("一万二", 12000),
        ("两千五", 2500),
        ("三万五千", 35000),
        # After 零 the last digit counts ones: no shorthand.
        ("一百零五", 105),
        ("两千零八", 2008),
        ("一千零五十", 1050),
    ],
)
def test_chinese_numerals(cn, n):
    assert cn_to_number(cn) == n


def test_placeholders_are_never_amounts(judge):
    r = judge("报价xxx元，客户预算XX万")
    assert r.facts["our_price"] is None and r.facts["customer_price"] is None
    assert r.criterion("price_gap").status == "partial"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("FOB 3.2美金一个", 3.2),
        ("报了USD 12.5/pc", 12.5),
        ("报价€8.6一套", 8.6),
        ("4.5美元一米", 4.5),
        ("越南那家才$11.8", 11.8),
    ],
)
def test_export_quotes_in_another_currency_are_money_as_said(text, value):
    """An export quote keeps the number said (no conversion) and counts as money."""
    found = find_amounts(normalise(text))
    assert [(a.value, a.explicit) for a in found] == [(value, True)]


def test_words_that_only_look_like_a_currency():
    assert all(not a.explicit for a in find_amounts(normalise("欧式家具做了3年，刀具3把。")))


@pytest.mark.parametrize(
    ("text", "value"),
    [("2块一箱", 2), ("12块一箱", 12), ("1.9元一个", 1.9), ("1.5元一斤", 1.5), ("一块一", 1.1)],
)
def test_a_count_after_the_price_is_not_its_tenths(text, value):
    """2块一箱 is two yuan a box, not 2.1; 一块一 alone is still 1.1."""
    assert [a.value for a in find_amounts(normalise(text))] == [value]


@pytest.mark.parametrize("text", ["含4块电池和一台充电站", "两块钢板", "三块瓷砖"])
def test_kuai_counting_things_is_no_yuan(text):
    assert find_amounts(normalise(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("報價HK$68,000一次性", 68000),
        ("每板NT$45", 45),
        ("每公斤MOP 128", 128),
        ("台币38万含施工", 380000),
        ("港币12萬一年", 120000),
        ("贵3蚊一张", 3),
    ],
)
def test_hong_kong_taiwan_and_macau_money_as_said(text, value):
    found = find_amounts(normalise(text))
    assert [(a.value, a.explicit) for a in found] == [(value, True)]


@pytest.mark.parametrize("text", ["一个月算下来一千出头", "三十万开外"])
def test_a_figure_and_a_bit_is_vague(text):
    assert find_amounts(normalise(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年费会员1万9800", [19800]),
        ("3万2000元一台", [32000]),
        ("我报了2块9，她说便宜3毛是好事", [2.9, 0.3]),
        # A count or an area written the same way is still no money.
        ("1万2000人", []),
        ("5万1000平", []),
    ],
)
def test_ten_thousands_with_the_rest_in_full_and_tenths_in_mao(text, expected):
    assert values(normalise(text)) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("我说一桶150", 150), ("一打36", 36), ("每吨5800", 5800), ("一双159", 159)],
)
def test_the_unit_first_then_its_price(text, value):
    found = find_amounts(normalise(text))
    assert [(a.value, a.explicit) for a in found] == [(value, True)]


def test_a_model_name_then_its_number_is_no_amount(doc_of):
    assert find_amounts(doc_of("看他们旧的HPLC，Agilent 1100。").norm) == []


def test_a_price_word_in_latin_letters_keeps_its_number(doc_of):
    assert [a.value for a in find_amounts(doc_of("quote 3500，budget 30000").norm)] == [3500, 30000]
