"""Time phrases: what is a time, which are future, and what only looks like one."""

import pytest

from analyzer.normalize import normalise
from analyzer.timephrases import find_times


def kinds(text):
    return [
        (text[t.start : t.end], t.kind)
        for t in find_times(text, clause_of=lambda o: (0, len(text)))
    ]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("下周三下午带技术去", "下周三下午"),
        # A year or a month, then the month or day within it, is one time.
        ("明年9月设备检修季再去找他", "明年9月"),
        ("这个月15号之前把车开过去", "这个月15号之前"),
        ("下个月20号再去", "下个月20号"),
        ("明年这个时候再来看看", "明年这个时候"),
        ("本周五下班前发过去", "本周五下班前"),
        ("下周六晚上10点以后再打", "下周六晚上10点以后"),
        ("月底前发正式报价", "月底前"),
        ("15号再约", "15号"),
        ("明天上午过去", "明天上午"),
        ("节后再去", "节后"),
        ("3月15号前出方案", "3月15号前"),
        ("三天内给答复", "三天内"),
        ("这周五前送样", "这周五前"),
        ("备案资料这两天准备好送过去", "这两天"),
        ("过两天把报价单发给采购部", "过两天"),
        # The lunar and farming calendar.
        ("腊月二十一上午去社里当面谈", "腊月二十一上午"),
        ("正月十六前把5件送到店里", "正月十六前"),
        ("麦收前把种子送到", "麦收前"),
        ("开春后带飞手去看地", "开春后"),
        ("中秋前要定下来", "中秋前"),
    ],
)
def test_future_phrases(text, phrase):
    assert (phrase, "future") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "3号楼",
        "看了2号库",
        "提了3点",
        "第3点",
        "5号线",
        "一起去3号、5号厂房看",
        "15号和16号楼",
        "改成每周一车试试",
        "每周一次",
        "这两天一直下雨",
        "老板这几天去外地进货了",
    ],
)
def test_not_times(text):
    assert kinds(text) == []


def test_past_reference_is_not_future():
    assert ("下周三", "past") in kinds("上次说下周三再来")


def test_clock_times():
    assert kinds("10:30到了客户公司") == [("10:30", "clock")]
    assert ("下午3点", "clock") in kinds("下午3点到")


def test_traditional_weekday_after_normalising(doc_of):
    d = doc_of("下週三再去")
    assert [(d.text[t.start : t.end], t.kind) for t in d.times] == [("下週三", "future")]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("2月27日拜访记录：\n9:00 到达信息科", "2月27日"),
        ("【3月12日 工作记录】\n8:40 到物业中心", "3月12日"),
        ("2号（周二）拜访流水：\n上午先去了育才中学", "2号"),
        ("2号（周二）拜访流水：\n上午先去了育才中学", "周二"),
        # A diary that opens with the day and hour of the visit.
        ("周二上午9:10到滨海工业园，先去门卫登记", "周二上午9:10"),
        ("周二下午2点到汇通学校，先见了教务", "周二下午2点"),
        ("10月12日，打样测试记录。上午9点到新元生物", "10月12日"),
        ("3月5日 安装调试小结：", "3月5日"),
    ],
)
def test_the_notes_own_date_is_not_a_plan(text, phrase):
    assert (phrase, "present") in kinds(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Next：12/2 Helen安排我们见质量VP", [("12/2", "future")]),
        ("11/28前发quote", [("11/28前", "future")]),
        ("记录：12/2去了客户那边", [("12/2", "past")]),
        # Fractions are no dates.
        ("有1/3的人不会用", []),
        ("比例是3/4。", []),
        # The note's own date at its top, with its weekday.
        (
            "11/26（周二）\n上午9:40到客户大楼",
            [("11/26", "present"), ("周二", "present"), ("上午9:40", "clock")],
        ),
        ("4/8 下午两点电话约的", [("4/8", "present"), ("下午两点", "clock")]),
    ],
)
def test_month_slash_day(doc_of, text, expected):
    doc = doc_of(text)
    assert [(doc.norm[t.start : t.end], t.kind) for t in doc.times] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Years ago, not before the new year.
        ("他说现在的ERP是十几年前上的鼎新", []),
        ("他们三年前上了用友HR", []),
        ("年前把合同签了", [("年前", "future")]),
        # Whenever month end comes round: a habit, not a day ahead.
        ("现在用的软件一到月底出报表就卡", [("月底", "present")]),
        # What happens each time it comes round, told by what follows.
        ("她说月底对账老是对不上", [("月底", "present")]),
        ("年底汇算清缴老出问题", [("年底", "present")]),
        ("月底报表都要IT手动跑一两天", [("月底", "present")]),
        ("月底把报价发过去", [("月底", "future")]),
        ("月底前都要交上来", [("月底前", "future")]),
        # Every Monday is a habit.
        ("阿坤说他们每周一下午休息", [("周一下午", "present")]),
    ],
)
def test_years_ago_and_habits(doc_of, text, expected):
    doc = doc_of(text)
    assert [(doc.norm[t.start : t.end], t.kind) for t in doc.times] == expected


def test_a_weekday_plan_at_the_top_stays_a_plan():
    assert ("周二上午", "future") in kinds("周二上午到他们公司演示。")


@pytest.mark.parametrize(
    "text",
    [
        "聊了下明年的保安续约",
        "说了说下周的展会",
        "看了下个月的排班",
        # When their contract or warranty runs out is the date of a thing, not when anyone acts.
        "跟另一家签的，明年1月合同到期。",
        "王科长说这台机器下个月保修到期。",
    ],
)
def test_a_time_that_describes_a_thing_is_dated_not_a_when(text):
    assert [t.kind for t in find_times(normalise(text))] == ["dated"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("9月12号第二次，然后开车去邻县", ["past"]),
        ("10月22号今天第三次，刘科长说", ["past", "present"]),
        ("4月20日，上午9点到市二院，先去设备科", ["present", "clock"]),
        ("3月15号，带技术去演示", ["future"]),
        # Before a contract runs out is a deadline ahead, not the date of a thing.
        ("明年3月合同到期前再来找邓总。", ["future"]),
    ],
)
def test_a_deals_history_dates_its_earlier_visits(doc_of, text, kinds):
    assert [t.kind for t in doc_of(text).times] == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday before one already gone is gone too (the first opens the note: its own day).
        (
            "周一上午9点到天成。周三下午2点再去演示。周四整理了问题清单。",
            [("周一上午9点", "present"), ("周三下午2点", "past"), ("周四", "past")],
        ),
        # A note summing up its week tells its weekdays as days gone by...
        (
            "本周跟进瑞达。周一邓工发微信问价。周三上门演示。",
            [("本周", "present"), ("周一", "past"), ("周三", "past")],
        ),
        # ...but a deadline or a plan after one stays ahead.
        (
            "这周小结：周二见了科长，周五前把方案发过去。",
            [("这周", "present"), ("周二", "past"), ("周五前", "future")],
        ),
        ("这周去了两次永盛，下周再约。", [("这周", "present"), ("下周", "future")]),
        # Without a frame or a day gone, weekdays in a row are plans.
        ("下一步：周三送样品，周五跟老板确认。", [("周三", "future"), ("周五", "future")]),
        # A week as a length (晚了一周, 一周内) frames no week told day by day.
        ("去年到货晚了一周。周四下午把样品带过去。", [("去年", "past"), ("周四下午", "future")]),
        ("样品一周内到，周五再跟他确认。", [("一周内", "future"), ("周五", "future")]),
    ],
)
def test_a_week_told_day_by_day(doc_of, text, expected):
    doc = doc_of(text)
    assert [(doc.norm[t.start : t.end], t.kind) for t in doc.times] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("11月中旬前带区域经理再来一趟。", "11月中旬前", "future"),
        ("下个月中旬把样品送过去。", "下个月中旬", "future"),
        ("今天晚上给经理打报告。", "今天晚上", "future"),
        ("我答应今天下班前给她开试用账号。", "今天下班前", "future"),
        # Later today, but told as done.
        ("今天晚上请他吃了饭。", "今天晚上", "present"),
        # A formal report's 于 before a day tells what was done on it; 拟于 / 定于 plan it.
        ("我方于3月12日拜访区政务服务中心。", "3月12日", "past"),
        ("我方于本周三拜访市第二人民医院。", "本周三", "past"),
        ("拟于3月20日上午带工程师到现场勘查。", "3月20日上午", "future"),
        ("经沟通，定于周五再次上门。", "周五", "future"),
    ],
)
def test_parts_of_a_month_later_today_and_formal_dates(doc_of, text, phrase, kind):
    doc = doc_of(text)
    assert {doc.norm[t.start : t.end]: t.kind for t in doc.times}.get(phrase) == kind


@pytest.mark.parametrize("text", ["8点半跟老周一起出发去阿城", "小周一直没回消息"])
def test_a_person_called_周_is_no_weekday(doc_of, text):
    doc = doc_of(text)
    assert not [t for t in doc.times if "周" in doc.norm[t.start : t.end]]


def test_a_list_of_days_is_still_days():
    assert kinds("3号、5号来送货") == [("3号", "future"), ("5号", "future")]
    assert [p for p, _ in kinds("周一周三都行")] == ["周一", "周三"]


@pytest.mark.parametrize("text", ["一礼拜三四车", "一周三次", "两周5万", "一个礼拜三四回"])
def test_a_count_of_weeks_is_how_often_not_a_day(text):
    assert kinds(text) == []


def test_an_ordered_weekday_is_a_day():
    assert kinds("每月第一个礼拜二固定来") == [("礼拜二", "future")]


def test_national_day_is_not_cut_out_of_a_longer_name():
    assert all(phrase != "十一前" for phrase, _ in kinds("双十一前要补80个分拣"))
    assert kinds("十一前把合同签了") == [("十一前", "future")]
