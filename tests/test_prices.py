"""Whose amount is it: the clause decides, not the order of appearance."""

import pytest


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        ("报价3.5万，他预算3万。", 35000, 30000),
        ("他预算3万，我们报了3.5万。", 35000, 30000),
        ("客户说友商报的2万8，我们报价3万2。", 32000, 28000),
        ("我们报价3万2，比友商报的2万8贵。", 32000, 28000),
        ("心理价位2万5，我们按量测算月结三万五千。", 35000, 25000),
        ("他们现在用的供应商单价11.5元，我们报9.8元。", 9.8, 11.5),
        ("3万的预算，我们报了35000元。", 35000, 30000),
    ],
)
def test_roles_from_clause(judge, text, ours, theirs):
    r = judge(text)
    assert r.facts["our_price"] == ours
    assert r.facts["customer_price"] == theirs
    assert r.criterion("price_gap").status == "met"


def test_stated_gap(judge):
    r = judge("我们报价比客户预期高，差了8千。")
    assert r.facts["price_gap"] == 8000
    assert r.criterion("price_gap").status == "met"


def test_computed_gap(judge):
    assert judge("报价3.5万，他预算3万。").facts["price_gap"] == 5000


@pytest.mark.parametrize(
    "text",
    [
        "他们公司200人，厂房3万平。",
        "年营收5000万，去年被罚了20万。",
        "电话13812345678，型号6205。",
        "社里3800亩，得有个按3800亩算的让价方案。",
        "他说手头紧，刚从农商行贷了20万。",
        # Their running costs (a bill, fuel, tolls) are no price of ours or theirs.
        "他说电费一个月15万左右，确实高。",
        "按她一台车一个月两万油钱算，省下来很快。",
        # What the shop sells it on at is no price between us.
        "她店里现在卖的那款，她卖32。",
        "周老板说这个种子他在店里能卖一袋75。",
    ],
)
def test_non_prices(judge, text):
    r = judge(text)
    assert r.facts["our_price"] is None and r.facts["customer_price"] is None


def test_price_accepted_with_amount(judge):
    r = judge("报价2万5一吨，黄工说对报价没有异议。")
    assert r.criterion("price_gap").status == "met"
    assert r.facts["our_price"] == 25000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我报了每次4500，张经理说考虑一下。", 4500),
        ("我们报每桌3888，含舞台和LED大屏。", 3888),
        ("我们报的每人每天480，在标准内。", 480),
        ("两天一夜的套餐我们报人均880。", 880),
    ],
)
def test_a_bare_number_after_a_quote_and_what_it_is_for(judge, text, value):
    """What the price is for (每次, 每桌, 每人每天, 人均) may stand between the quote and a bare number."""
    assert judge(text).facts["our_price"] == value


def test_a_rival_named_by_brand_quotes_the_customers_side(judge):
    r = judge("顺丰报的是每单4.5元，我们是5.2元。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (5.2, 4.5)
    # A brand our side names as its own is ours: 我们东方红 is the tractor we sell.
    r = judge("我们东方红LX2504报的落地价42万，理事长心里价是38万上下。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (420000, 380000)
    # So is a brand right after our own quote word: 我报的勇闯 is the beer we sell.
    r = judge("她说青岛那边给她报的57 我报的勇闯59。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (59, 57)


def test_a_spending_standard_is_the_customers_side(judge):
    r = judge("我报了一盒258。她说他们的标准是每人300，包括月饼和水果。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (258, 300)


def test_a_colleague_quoting_ends_the_customers_words(judge):
    """吴总问价，小曹报了一台9.2万: once our colleague speaks, the figure is ours."""
    r = judge("陪访小曹。吴总问价，小曹报了一台9.2万，吴总说他预算一台8万。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (92000, 80000)


def test_an_export_quote_against_the_buyers_target(judge):
    r = judge("我们报FOB 3.2美金一个，客户target price是2.8。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (3.2, 2.8)


def test_the_gap_said_again_is_no_sides_price(judge):
    r = judge(
        "陪访记录（业务员：小何）\n"
        "价格：小何报100厚A级岩棉板每平方46元，采购主管说小厂给的是39，差7块。\n"
        "我当场给他们算了：我们每批次随货带检测报告；按上次退两车耽误十几天工期算，一平差7块，"
        "3.2万平米也就二十来万，工期罚款比这个多。"
    )
    assert (r.facts["our_price"], r.facts["customer_price"], r.facts["price_gap"]) == (46, 39, 7)


def test_the_customers_figure_is_the_one_the_stated_gap_measures(judge):
    """A budget and a rival's price both stand in the note; the gap says which one we are held to."""
    r = judge(
        "财政预算批的是每台180万。我给周院长透了一个172万一台的价，"
        "他说去年心内科那台的中标价是165万，他们心理价位就在这附近，差了7万一台。"
    )
    assert (r.facts["our_price"], r.facts["customer_price"], r.facts["price_gap"]) == (
        1720000,
        1650000,
        70000,
    )


def test_our_quote_is_the_one_the_stated_gap_measures(judge):
    """Our quote, a rival's and a floor said later at home: the gap says which quote stands."""
    r = judge("我们报172万，对方说另一家报的150万，差了22万。回来我们经理说底价可以到160万。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (1720000, 1500000)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        ("主要从隔壁那家贸易商鑫源拿，到厂8050含税。我报的是8120到厂含税。", 8120, 8050),
        ("刘总拿出宏宇经销商的单子，36元一片。我们报每片42元。", 42, 36),
        # A package price (包价) is a quote; a figure said aloud before 一升 is per litre.
        ("我们的环氧漆包价是五十六一升 他说佐敦给他报的是五十", 56, 50),
        ("甲板漆包价一万八一吨 他说海虹报的一万七", 18000, 17000),
        # A rate per word, per page or per thousand characters, in English or Chinese.
        ("我报了英译日 per word 0.52，他说之前那家给的是0.4", 0.52, 0.4),
        ("我们笔译per千字300，他说别家报的是每千字240", 300, 240),
    ],
)
def test_price_words_of_trade_say_price(judge, text, ours, theirs):
    """到厂, 含税, 加工费, 单子: words of a trade that say 'price', whose side comes from the sentence."""
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        ("我们每台26万。冯总说隔壁那家店给他报过每台25万2，还送三年保养。", 260000, 252000),
        ("钱工说原厂修一次报价2万3，他们觉得太贵了。我跟钱工说我们这边1万2能修好。", 12000, 23000),
    ],
)
def test_a_quote_word_after_the_rivals_name_is_the_rivals_quote(judge, text, ours, theirs):
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


def test_we_take_the_floor_again_after_the_rival(judge):
    r = judge("客户说友商报的2万8，我们报价3万2。")
    assert (r.facts["our_price"], r.facts["customer_price"]) == (32000, 28000)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        ("陪访小王。对方现在的液压油每桶1450元，小王报的是每桶1680元。", 1680, 1450),
        ("他们现在的报价单上是每吨78，我们报的市内城配是每吨85元。", 85, 78),
        ("我们现在的报价是3万2，他说预算3万。", 32000, 30000),
    ],
)
def test_what_they_pay_now(judge, text, ours, theirs):
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        # What they pay now, whatever the verb: 现在租的是 / 现在买的.
        ("他问我们每板每天多少，我说45块，他说现在租的是40块。", 45, 40),
        # The customer's target: 要我们降到…以内.
        ("我们报每台每月450元，蔡董说要我们降到每台380以内才考虑。", 450, 380),
        # What the price is for stands between the budget and its number: 每柜.
        ("我们报价每柜6500元，她说预算大概每柜6000上下。", 6500, 6000),
    ],
)
def test_the_customers_side_said_another_way(judge, text, ours, theirs):
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        # Haggling told as dialogue: the rep's last word is our price, the customer's theirs.
        (
            "我说我们加盟费三万八。他说古茗那边三万二就能开。他又说那你最低多少，"
            "我说我最多给他申请到三万五。他老婆插了一句，说三万三差不多。",
            35000,
            33000,
        ),
        ("我说一套四块五。她说隔壁那家才三块八一套。我说三块八做不了，最低四块二。", 4.2, 3.8),
        ("我们软件一年980。她说美团那边软件一年才600。我说第一年按800给她。", 800, 600),
        # A bare number after our side's name, answering a price just named.
        ("徐姐说他们现在的二氧化碳是三十块一瓶拿的，我说我们三十三，她说那你们贵了。", 33, 30),
        # They asked the price, we quoted it: the quote after their question is ours.
        ("客户来店看了T40，问了价格，报了5万8，嫌贵，走了。", 58000, None),
        ("人事挺感兴趣，问价格，报了每人每月15块。她说要跟钉钉比比", 15, None),
    ],
)
def test_haggling_in_dialogue(judge, text, ours, theirs):
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


@pytest.mark.parametrize(
    ("text", "gap"),
    [
        ("她现在用的是中通，一单3块2。我报了2块9，老板娘说便宜3毛是好事。", -0.3),
        ("现在那家洗涤厂每套收3块2。我们报的是每套3.6元，她说4毛钱的差价可以谈。", 0.4),
    ],
)
def test_a_stated_gap_keeps_its_side(judge, text, gap):
    assert judge(text).facts["price_gap"] == pytest.approx(gap)


def test_咱_is_our_side(judge):
    text = "他们现在用德国那家的，一个定位销进口价420。咱的国产替代件报价260，交期两周。"
    facts = judge(text).facts
    assert (facts["our_price"], facts["customer_price"]) == (260, 420)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        # 报 alone before its amount is a quote (報 in traditional script too).
        ("见了李老板本人，报2.8万/年，他预算2万，差8千。", 28000, 20000),
        ("佛山客戶蔡生：奶粉報２８塊/kg，客嫌貴。", 28, None),
        # A rate named by its kind: agreed, rental and fee prices.
        ("标间协议价是380一晚。", 380, None),
        ("我说50kW日租600，三天起租。", 600, None),
        # 我们之前报的 is our earlier quote, not a rival's (之前 alone names the old supplier).
        ("我们之前报的是10500，他说现在走德邦是9800。", 10500, 9800),
    ],
)
def test_more_quote_words(judge, text, ours, theirs):
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        # The customer's words after our quote: an amount they bring up is theirs, whatever side
        # the rep's own clause named before them.
        ("我们报的协作臂单台13.8万，林总说优傲给了12万。", 138000, 120000),
        ("我说我们代发每笔0.8元，她说她们现在在民生也差不多，一笔1块。", 0.8, 1),
    ],
)
def test_the_customers_words_name_their_own_side(judge, text, ours, theirs):
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


def test_deposits_are_not_prices(judge):
    facts = judge("去年那家因为她们临时退了两桌扣了2万定金。报价每桌3988。").facts
    assert facts["our_price"] == 3988
    assert facts["customer_price"] is None


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        # The thing quoted between the quote word and its bare number.
        ("钟总问换新炸炉多少钱，我报了双缸电炸炉7800，他说美团上看到同款便宜。", 7800),
        ("我报太钢的料14500，她一听就说贵了。", 14500),
        # A spec or an adjustment after the product is no price.
        ("我说我们的机型每小时800测试，比他们现在的快一倍。", None),
        ("按我的钢铁网当日价下浮30结算，不打算换。", None),
        ("我报了型号6205，他说有库存。", None),
    ],
)
def test_the_thing_quoted_before_its_price(judge, text, ours):
    assert judge(text).facts["our_price"] == ours


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        # A unit price with its unit first (一条265, 人均420, 一次性8800) is a price.
        ("我报了几个常用规格，195/65R15一条265，他说旁边店调给他是255。", 265),
        ("我讲了我们的合规体检服务，一次性8800，做完出整改报告。", 8800),
        # ... and it is ours when the rep is the subject of its sentence.
        ("我推荐了皮划艇加桨板套餐，人均420，她说超预算了。", 420),
        ("我推的是肉牛精补料，一吨3600，他说隔壁县报过3250。", 3600),
        # 每个坐席3800 / 每人才2000: per seat, per head, with 才 between.
        ("陈总说他问过另一家外包，每个坐席3800。我们报的是每坐席每月4500元。", 4500),
        # 包 followed by what the price includes is no count of packs.
        ("我们的方案是制氮机租赁，每月1.6万包维护，不用再等槽车。", 16000),
    ],
)
def test_unit_prices_and_whose(judge, text, ours):
    assert judge(text).facts["our_price"] == ours


def test_unit_first_needs_a_price_shape(judge):
    # 一天增重2.5斤 and 每月300来票 are sizes, not prices.
    r = judge("一天增重能到2.5斤，她们每月300来票，我们负责上门取件。")
    assert r.facts["our_price"] is None
    assert r.facts["customer_price"] is None


@pytest.mark.parametrize(
    "text",
    [
        "她说库房里大概有40万页图纸，11月前要全部做完数字化。",  # pages, not yuan
        "他在农商行有一笔400万的授信，已经用满了。",  # a credit line is no price
    ],
)
def test_counts_and_credit_lines_are_not_prices(judge, text):
    r = judge(text)
    assert r.facts["our_price"] is None
    assert r.facts["customer_price"] is None


def test_vague_money_is_price_talk_without_an_amount(judge):
    r = judge("老板说菜单让打印店做就行，一张几十块钱。")
    assert r.facts["customer_price"] is None
    assert r.facts["our_price"] is None
    assert r.criterion("price_gap").status == "partial"


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        # A rival named earlier in the sentence owns the quote word that follows it ...
        ("去年他们用的是通达人力，报价每小时24元。我报的是每小时26元。", 26, 24),
        ("沈总拿出了另一家售电公司给的报价：年度长协0.66。我们这边报的是0.64。", 0.64, 0.66),
        ("友商给我报的5.5万，也含软件。我们单工位6.8万。", 68000, 55000),
        # ... unless the brand is the object of our own clause (what we sell).
        (
            "我们推的是沃得锐龙，报价14.8万，他手里有雷沃那边给的价，同级别的13.6万。",
            148000,
            136000,
        ),
        # The current carrier's rate is the customer's.
        ("现在走的是公路汽运，一个柜1万2。我们报的班列，40尺一个柜1万零500。", 10500, 12000),
        ("包总说小车队现在给的6500，我们报每车7200。", 7200, 6500),
        # The market's going rate the customer holds up; a price per channel, after or before it.
        ("柯桥 凯达 见老板 报21.5 嫌贵 说市场上18就有 下礼拜再去", 21.5, 18),
        ("隔壁小区装的才1200一路，我们报价每路1450（含安装）。", 1450, 1200),
    ],
)
def test_rival_or_current_supplier_owns_its_quote(judge, text, ours, theirs):
    r = judge(text)
    assert r.facts["our_price"] == ours
    assert r.facts["customer_price"] == theirs


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("我们报的是夜班每坐席每月4500元，陈总说他问过另一家外包，每个坐席3800。", 3800),
        ("我们报价每人6800元。郑总说之前请过一个老师讲了两天，每人才2000。", 2000),
    ],
)
def test_unit_first_bare_numbers_on_the_customer_side(judge, text, theirs):
    assert judge(text).facts["customer_price"] == theirs


def test_the_gap_not_worth_a_change_is_no_customer_price(judge):
    r = judge("他说现在的专线每方230。我报了210。他说那家合作6年了，为20块钱不值得换。")
    assert r.facts["customer_price"] == 230
    assert r.facts["our_price"] == 210


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        # A kind of price usually the customer's is ours where our side is the clause's subject.
        ("我们口红系列进货价29一支，她说这个价能接受。", 29, None),
        ("我们给何部长的报价是首期加实施28万，何部长说这个价他不好批。", 280000, None),
        # 我 as whom it was shown to, or with the rival named after it, is no owner.
        ("邓工给我看了马尔文的报价单，41万，我们同配置报38.5万。", 385000, 410000),
        ("我说友商的报价是3万，我们报3万5。", 35000, 30000),
        ("他们现在的进货价每盒9.5元，我们报8.8元。", 8.8, 9.5),
        ("现在拿的那个牌子进价一瓶24。俺们同规格的进价27，她一听就摇头。", 27, 24),
        # With one side's price and the gap stated, the amount the gap measures is the other side's.
        ("我报了双缸电炸炉7800，他说美团上看到同款4500，差3300。", 7800, 4500),
        ("我们报首重5元，他要4.5，差5毛。", 5, 4.5),
        ("我们报了一套298，他们现在那家280，差18块。", 298, 280),
        # From their price to ours.
        ("她心里的数是一瓶45，我们开的52，差7块。", 52, 45),
    ],
)
def test_a_price_takes_its_side_from_its_subject_or_the_gap(judge, text, ours, theirs):
    r = judge(text)
    assert (r.facts["our_price"], r.facts["customer_price"]) == (ours, theirs)


def test_no_amount_is_theirs_by_the_gap_when_none_fits(judge):
    r = judge("我们报了7800，他说贵，差3300左右，店里一共12个人。")
    assert r.facts["customer_price"] is None


def test_a_figure_that_answers_the_customers_price_question_is_ours(judge):
    r = judge("他问租一台除雪车一天多少钱，我说带司机一天6500。")
    assert r.facts["our_price"] == 6500
    # Without the question, a bare figure in the rep's words is no price (a count, an id).
    assert judge("小高带我看了车库，我说一共11台车。").facts["our_price"] is None
    # The question far back, or the figure deep in a long answer, proves nothing.
    far = judge("他问多少钱，我说要看菜品标准，回头给他报，他们厂一共260人。")
    assert far.facts["our_price"] is None
