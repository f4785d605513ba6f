"""Cantonese notes read as Mandarin, offsets unmoved; Mandarin notes untouched."""

import pytest

from analyzer.dialect import is_cantonese
from analyzer.normalize import normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("佢話而家用緊OTIS，要同老細傾下", "他说现在在用otis,要同老板谈下"),
        ("經理唔喺度，留低咗卡片", "经理不在场,留下了卡片"),
        ("隔籬嗰間嘅報價冇我哋平", "隔壁那家的报价没我们平"),
        ("佢係話事人，聽朝十點前send quote", "他是拍板人,明早十点前send quote"),
        ("我諗住下禮拜出份方案畀佢", "我打算下礼拜出份方案给他"),
        ("佢自己批得，唔使經廠長，使唔使報價", "他自己批得,不用经厂长,要不要报价"),
        # Simplified Cantonese: 系 (is), 拎 (buy from), 蚊 (yuan) after a figure.
        (
            "佢哋拎嘅系一箱172，嗰只60蚊一桶，差7毫，5毫米",
            "他们拿的是一箱172,那只60块一桶,差7毛,5毫米",
        ),
    ],
)
def test_cantonese_words_become_mandarin_of_the_same_length(text, expected):
    out = normalise(text)
    assert len(out) == len(text)
    assert out == expected


def test_mandarin_senses_are_kept_inside_a_cantonese_note():
    out = normalise("佢哋傾向用返舊嘅，打咗電話，同我哋嘅關係幾好")
    assert "倾向" in out and "电话" in out and "关系" in out
    out = normalise("佢哋系统有问题，同我哋关系好，联系过，蚊帐")
    assert "系统" in out and "关系" in out and "联系" in out and "蚊帐" in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("他们倾向于换国产，打了电话", ["倾向", "电话"]),
        ("返回公司，关系不错，同事说", ["返回", "关系", "同事"]),
        ("唔，好的", ["唔"]),
    ],
)
def test_a_mandarin_note_is_not_touched(text, kept):
    assert not is_cantonese(text)
    out = normalise(text)
    assert all(w in out for w in kept)


def test_taiwans_zhe_after_a_verb_is_the_aspect_particle():
    assert normalise("接著說明價格，跟著進來，著名品牌") == "接着说明价格,跟着进来,著名品牌"


def test_a_cantonese_note_is_judged_like_its_mandarin(judge):
    r = judge("見咗老細陳生，佢話而家用緊隔籬嗰間，每個月HK$8,000。我哋報HK$7,200。")
    assert r.criterion("kp_identified").status == "met"
    assert (r.facts["our_price"], r.facts["customer_price"]) == (7200, 8000)


def test_northern_words_with_one_sense_are_read_in_every_note():
    assert normalise("俺跟她说俺们是新料管，咋整，寻思寻思") == "我跟她说我们是新料管,怎整,考虑考虑"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("都说生意不好做，莫得啥子需求", "都说生意不好做,没有什么需求"),
        ("咋个整嘛，讲了一哈", "怎么整嘛,讲了一下"),
        # 莫 before a verb is 没 only in a note that is plainly southwestern.
        ("莫得人接，门都莫开", "没有人接,门都没开"),
        ("莫名其妙，门都莫开", "莫名其妙,门都莫开"),
        # 不得 before a verb is 不会, 要得 alone is 好的, 没得 is 没有, in a southwestern note only.
        ("莫得活路，工地都没得，暂时不得买", "没有活路,工地都没有,暂时不会买"),
        ("杨老板说要得，啥子时候拿过来", "杨老板说好的,什么时候拿过来"),
        ("舍不得买，要得到老板同意，啥子都好说", "舍不得买,要得到老板同意,什么都好说"),
        ("合同不得转让，没得商量", "合同不得转让,没得商量"),
    ],
)
def test_southwestern_words_read_as_mandarin(text, expected):
    assert normalise(text) == expected


def test_莫得_negates_like_没有(judge):
    assert judge("去了两个村，农户说家里就几分地，莫得必要买。").facts["need"] == "no"
    assert judge("青白江李哥说最近莫得活路，今年防水材料暂时不得买。").facts["need"] == "no"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wu: 伊 before a word of speech or state is he or she, 侬 is you.
        ("伊讲伊心里价位23 伊现在用的是市场档口的货", "他讲他心里价位23 他现在用的是市场档口的货"),
        ("侬放心", "你放心"),
        # Cantonese 老细 is the boss in a Mandarin note too.
        ("然后他说老细去了广州看货 老细还没返", "然后他说老板去了广州看货 老板还没返"),
        # 伊利, 伊朗 and 伊拉克 keep their sense.
        ("伊利的奶，伊朗客户，伊拉克项目", "伊利的奶,伊朗客户,伊拉克项目"),
    ],
)
def test_wu_pronouns_read_as_mandarin(text, expected):
    assert normalise(text) == expected


def test_a_wu_speaker_is_the_customer(status_of):
    text = "老板华总 一坐下来就问价 我报天丝棉26块一米 伊讲伊心里价位23 差3块"
    assert status_of(text, "customer_voice") == "met"
    # A team leader named by surname and 队 speaks for the customer too.
    text = "恒泰物流 车队长孙队。孙队觉得电车冬天掉电厉害，说去年同行买的电车一到腊月就趴窝。"
    assert status_of(text, "customer_voice") == "met"


def test_every_regional_word_holds_a_cue_character():
    # A word with none of the cue characters would never be swapped.
    from analyzer.dialect import _REGIONAL_WORDS, REGIONAL_CUES

    assert all(any(c in w for c in REGIONAL_CUES) for w in _REGIONAL_WORDS)
