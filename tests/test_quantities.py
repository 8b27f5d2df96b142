"""Quantities: numbers with measure words, qualifiers and units; what is not a quantity."""

from decimal import Decimal

import pytest

from kg.extract import quantities
from kg.extract.facts import Qualifier, Quantity
from kg.text.document import Document


def found(text: str) -> list[Quantity]:
    return quantities.extract(Document.from_text(text))


def one(text: str) -> Quantity:
    (quantity,) = found(text)
    return quantity


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "classifier", "qualifier"),
    [
        ("全市投入资金7.9亿元。", "7.9亿元", "790000000", "CNY", None, Qualifier.EXACT),
        ("培训干部12.5万人次。", "12.5万人次", "125000", "PERSON_TIME", None, Qualifier.EXACT),
        (
            "其中领导干部6000多人次。",
            "6000多人次",
            "6000",
            "PERSON_TIME",
            None,
            Qualifier.MORE_THAN,
        ),
        ("建设100多万亩示范基地。", "100多万亩", "1000000", "MU", None, Qualifier.MORE_THAN),
        ("实施100 个光伏提水项目。", "100 个", "100", "COUNT", "个", Qualifier.EXACT),
        ("培育100亿元以上产业。", "100亿元以上", "10000000000", "CNY", None, Qualifier.AT_LEAST),
        ("认可度达99.56%。", "99.56%", "99.56", "PERCENT", None, Qualifier.EXACT),
        ("百分之三十的农户参加合作社。", "百分之三十", "30", "PERCENT", None, Qualifier.EXACT),
        ("死亡率为3‰。", "3‰", "3", "PERMILLE", None, Qualifier.EXACT),
        ("发生率下降3个百分点。", "3个百分点", "3", "PERCENTAGE_POINT", None, Qualifier.EXACT),
        ("收入增长1.5倍。", "1.5倍", "1.5", "TIMES", None, Qualifier.EXACT),
        ("搬迁近3万人。", "近3万人", "30000", "PERSON", None, Qualifier.APPROXIMATELY),
        ("种植烤烟两千余亩。", "两千余亩", "2000", "MU", None, Qualifier.MORE_THAN),
        ("投入一百多万元。", "一百多万元", "1000000", "CNY", None, Qualifier.MORE_THAN),
        ("惠及超过5000户。", "超过5000户", "5000", "HOUSEHOLD", None, Qualifier.MORE_THAN),
        # a space set around an Arabic number keeps the bound before it
        ("产值超过 12 亿元。", "超过 12 亿元", "1200000000", "CNY", None, Qualifier.MORE_THAN),
        ("贷款不超过\u30005万元。", "不超过\u30005万元", "50000", "CNY", None, Qualifier.AT_MOST),
        ("户均增收3000元左右。", "3000元左右", "3000", "CNY", None, Qualifier.APPROXIMATELY),
        # the verb states the bound; 以上 only repeats it
        ("村均收入突破8万元以上。", "突破8万元以上", "80000", "CNY", None, Qualifier.MORE_THAN),
        ("惠及8000户以上。", "8000户以上", "8000", "HOUSEHOLD", None, Qualifier.AT_LEAST),
        ("发生率降到1%以下。", "1%以下", "1", "PERCENT", None, Qualifier.AT_MOST),
        ("新增一百二十个岗位。", "一百二十个", "120", "COUNT", "个", Qualifier.EXACT),
        ("装机1.2万千瓦。", "1.2万千瓦", "12000", "KW", None, Qualifier.EXACT),
        ("修建道路15.6公里。", "15.6公里", "15.6", "KM", None, Qualifier.EXACT),
        ("流域面积120平方公里。", "120平方公里", "120", "KM2", None, Qualifier.EXACT),
        ("新建住房3000平方米。", "3000平方米", "3000", "M2", None, Qualifier.EXACT),
        ("造林500公顷。", "500公顷", "500", "HA", None, Qualifier.EXACT),
        ("销售核桃800吨。", "800吨", "800", "TONNE", None, Qualifier.EXACT),
        ("发放大米50公斤。", "50公斤", "50", "KG", None, Qualifier.EXACT),
        ("建成公厕125座。", "125座", "125", "COUNT", "座", Qualifier.EXACT),
        ("举办培训班624期。", "624期", "624", "COUNT", "期", Qualifier.EXACT),
        ("养殖生猪100万头。", "100万头", "1000000", "COUNT", "头", Qualifier.EXACT),
        ("产值突破8亿元。", "突破8亿元", "800000000", "CNY", None, Qualifier.MORE_THAN),
        ("亩产不低于400公斤。", "不低于400公斤", "400", "KG", None, Qualifier.AT_LEAST),
        ("单笔贷款不超过5万元。", "不超过5万元", "50000", "CNY", None, Qualifier.AT_MOST),
        ("贷款逾3000万元。", "逾3000万元", "30000000", "CNY", None, Qualifier.MORE_THAN),
        ("全镇税收 416 亿 元。", "416 亿 元", "41600000000", "CNY", None, Qualifier.EXACT),
        ("村里筹款 75 万元。", "75 万元", "750000", "CNY", None, Qualifier.EXACT),
        (
            "全区工业产值2093.5亿,比上年多。",
            "2093.5亿",
            "209350000000",
            "CNY",
            None,
            Qualifier.EXACT,
        ),
        ("新建厂房12.5万㎡。", "12.5万㎡", "125000", "M2", None, Qualifier.EXACT),
        ("死亡率比上年低0.3个千分点。", "0.3个千分点", "0.3", "PERMILLE", None, Qualifier.EXACT),
    ],
)
def test_quantity(
    text: str, span: str, value: str, unit: str, classifier: str | None, qualifier: Qualifier
) -> None:
    quantity = one(text)
    assert quantity.span.text == span
    assert quantity.value == Decimal(value)
    assert quantity.unit == unit
    assert quantity.classifier == classifier
    assert quantity.qualifier is qualifier
    assert quantity.baseline is None


def test_traditional_script_keeps_the_measure_word_as_written() -> None:
    quantity = one("累計整改反饋問題288個。")
    assert (quantity.value, quantity.unit, quantity.classifier) == (Decimal(288), "COUNT", "個")
    assert quantity.span.written == "288個"
    assert one("搬遷群眾1.1萬人。").value == Decimal(11000)


def test_compounds_give_one_quantity_per_number() -> None:
    assert [(q.span.text, q.value, q.unit, q.classifier) for q in found("整改问题65类288个。")] == [
        ("65类", Decimal(65), "COUNT", "类"),
        ("288个", Decimal(288), "COUNT", "个"),
    ]
    first, second = found("全市实现了4.43万户17.87万贫困人口脱贫。")
    assert (first.span.text, first.value, first.unit) == ("4.43万户", Decimal(44300), "HOUSEHOLD")
    assert (second.span.text, second.value, second.unit) == ("17.87万", Decimal(178700), "PERSON")
    assert [(q.value, q.unit) for q in found("目前还有2789户9427人未脱贫。")] == [
        (Decimal(2789), "HOUSEHOLD"),
        (Decimal(9427), "PERSON"),
    ]


def test_a_bare_number_before_a_people_noun_counts_people() -> None:
    assert one("帮助3万贫困群众稳定增收。").unit == "PERSON"
    assert one("带动500贫困户增收。").unit == "HOUSEHOLD"


def test_pairs_give_the_later_value_and_the_baseline() -> None:
    income = one("人均纯收入从2015年的2276元增加到2020年的12787元。")
    assert (income.value, income.baseline, income.unit) == (Decimal(12787), Decimal(2276), "CNY")
    rate = one("贫困发生率由18.02%降为0。")
    assert (rate.value, rate.baseline, rate.unit) == (Decimal(0), Decimal("18.02"), "PERCENT")
    assert rate.span.text == "18.02%降为0"
    # a value of the start of the year, the second of the year so far
    rate = one("贫困发生率从年初的9.5%下降到6.1%。")
    assert (rate.value, rate.baseline) == (Decimal("6.1"), Decimal("9.5"))


@pytest.mark.parametrize(
    "text",
    [
        "2020年1月,总书记到云南考察。",
        "2020-06-10 22:29:25 阅读量38786 字数4769",
        "新闻热线/0888—5122344",
        "举报电话:0888-5112277 举报邮箱:someone@163.com",
        "编制三年行动计划(2018—2020)。",
        "一要增强使命感,二要增强紧迫感,(二)坚持服务为民,第一,一是画好蓝图。",
        "经过三年攻坚,24小时值守,用了3个月。",
        "提出“六个一百”工程和“5分钱”工程,十三五期间,落实两不愁三保障。",
        "按照五个一批的办法,推进三个全覆盖,严格落实一把手负责制。",
        "需要一鼓作气,做到一环环扣紧,确保不漏一户、不落一人。",
        "这两项硬骨头,说一遍不行就说十遍,取得了一个又一个的胜利。",
        "探索形成12个人不分组的做法。",
        "下山时间缩短到1个半小时,往返要两个半天。",
        "三次产业结构持续优化。",
        "全县学习贯彻县委九届六次全会精神,筹备县十四届人大三次会议。",
        "表彰第十、十一批援建干部,第3、4批队员。",
        "汇报分四个部分,从六个方面展开,分两个阶段推进,落实六个精准。",
        "两地携手走过25个春秋。",
        "已有0条评论 3次点赞",
        "守住两条底线,筑牢三条生命线,推进十项重点工作。",
        "督导组一行9人抵达该镇,前来列席十四届省人大五次会议。",
        "该项指数排名上升4位,比上年提升了两位,前移1名。",
        "发布时间:2021.05.06 | 编辑 | 318次围观 | 1200次浏览",
        "据全市1‰人口变动抽样调查推算,重点做好三篇文章,分两种情况处理。",
        "本批公示中有三名副县长、两名现任的县(市)委书记,除上述5人外均为新提拔。",
        "老张一家五口住上新房,夫妻两人都进了车间。",
        "全镇有两条主要河流,要处理好三个关系,她先后获得3项全国性荣誉。",
        "印发《某县关于应对洪涝灾害影响巩固拓展脱贫攻坚成果的八条措施》。",
        # a figure of speech of time, and where a place lies
        "驻村干部和乡亲们一起走过700多个日日夜夜,熬过三个昼夜。",
        "过去村民得从15公里外的镇上挑水,从300米以外的山脚背柴。",
        # a count opening its clause before 中: the set its members are picked from
        "去年以来,6个试点乡镇中,红星镇和前进镇率先完成验收。",
    ],
)
def test_not_quantities(text: str) -> None:
    assert found(text) == []


def test_counts_of_village_post_holders_and_of_people_stay_quantities() -> None:
    text = "全县选派驻村第一书记120名、210名驻村工作队员,组织40名农技人员进村,召开3次会议。"
    assert [q.span.text for q in found(text)] == ["120名", "210名", "40名", "3次"]


def test_numbers_touching_masked_text_are_skipped() -> None:
    doc = Document.from_text("投入资金7\ufffd9亿元,建成公厕125座。")
    assert doc.is_masked(0, len(doc.text))
    assert [q.span.text for q in quantities.extract(doc)] == ["125座"]


def test_spans_are_offsets_into_the_text() -> None:
    doc = Document.from_text("全市累計投入資金7.9億元,建成公廁125座。")
    for quantity in quantities.extract(doc):
        assert doc.text[quantity.span.start : quantity.span.end] == quantity.span.text
    assert [q.span.written for q in quantities.extract(doc)] == ["7.9億元", "125座"]


def test_pairs_with_their_times_and_a_bound_on_the_later_value() -> None:
    doc = Document.from_text(
        "优质鲜叶比例从2021年的38%提高到今年的61%,撂荒地从过去的300多亩减少到不足20亩,"
        "收入从3.5万元增加到超过48万元。"
    )
    assert [(q.value, q.baseline, q.qualifier) for q in quantities.extract(doc)] == [
        (Decimal(61), Decimal(38), Qualifier.EXACT),
        (Decimal(20), Decimal(300), Qualifier.AT_MOST),
        (Decimal(480000), Decimal(35000), Qualifier.MORE_THAN),
    ]


def test_values_listed_together_share_a_qualifier_written_once() -> None:
    before = found("存贷款和存款余额分别超过2万亿、1万亿和5000亿元。")
    assert [(q.value, q.qualifier) for q in before] == [
        (Decimal(2 * 10**12), Qualifier.MORE_THAN),
        (Decimal(10**12), Qualifier.MORE_THAN),
        (Decimal(5 * 10**11), Qualifier.MORE_THAN),
    ]
    after = found("城乡收入分别增长7.5%和8%左右。")
    assert [q.qualifier for q in after] == [Qualifier.APPROXIMATELY] * 2
    inside = found("两村分别有300多户和120户。")
    assert [q.qualifier for q in inside] == [Qualifier.MORE_THAN, Qualifier.EXACT]
    units = found("投入超过3亿元和12个项目。")
    assert [q.qualifier for q in units] == [Qualifier.MORE_THAN, Qualifier.EXACT]


def test_a_minus_sign_makes_a_value_negative_but_a_dash_between_numbers_does_not() -> None:
    rate = one("去年全镇人口自然增长率为-0.75‰。")
    assert (rate.span.text, rate.value, rate.unit) == ("-0.75‰", Decimal("-0.75"), "PERMILLE")
    assert one("出口额增长−3.2%。").value == Decimal("-3.2")
    assert [q.value for q in found("2019-2021年增长8%。")] == [Decimal(8)]
    assert all(q.value > 0 for q in found("要点如下\n-12个村通了公交。"))


def test_qualifiers_fused_with_a_particle_and_steps_reached() -> None:
    near = one("全镇产值比前年增加了近300万元。")
    assert (near.span.text, near.qualifier) == ("近300万元", Qualifier.APPROXIMATELY)
    step = one("全县生产总值迈上200亿元台阶。")
    assert (step.value, step.qualifier) == (Decimal(2 * 10**10), Qualifier.AT_LEAST)


def test_a_pair_of_levels_in_two_units_gives_each_later_number_its_baseline() -> None:
    doc = Document.from_text("建档立卡对象由2015年的6230户21540人减少到2019年的412户1306人。")
    assert [(q.value, q.unit, q.baseline) for q in quantities.extract(doc)] == [
        (Decimal(412), "HOUSEHOLD", Decimal(6230)),
        (Decimal(1306), "PERSON", Decimal(21540)),
    ]
    # two numbers side by side with no earlier level are not a pair
    doc = Document.from_text("全村共有农户320户1150人。")
    assert [q.baseline for q in quantities.extract(doc)] == [None, None]


def test_pairs_from_a_former_plan_and_with_an_average_before_each_value() -> None:
    planned = one("帮扶资金从原计划的2.5亿元增至4亿元。")
    assert (planned.value, planned.baseline) == (Decimal(4 * 10**8), Decimal(25 * 10**7))
    average = one("补助标准从户均800元提高到户均1200元。")
    assert (average.value, average.baseline) == (Decimal(1200), Decimal(800))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "各产业对增长的贡献依次为0.21、-3.5、2.07个百分点。",
            [("0.21", "0.21"), ("-3.5", "-3.5"), ("2.07", "2.07个百分点")],
        ),
        (
            "农业、工业和服务业分别拉动增长0.6个、2.15个和3.0个百分点。",
            [("0.6", "0.6个"), ("2.15", "2.15个"), ("3", "3.0个百分点")],
        ),
    ],
)
def test_numbers_listed_before_a_unit_written_once_share_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    got = found(text)
    assert [(str(q.value), q.span.text) for q in got] == expected
    assert {q.unit for q in got} == {"PERCENTAGE_POINT"}


def test_a_list_keeps_each_numbers_own_unit_and_a_multiplier_of_the_last_alone() -> None:
    assert [(str(q.value), q.unit) for q in found("新建温室12个、大棚30个。")] == [
        ("12", "COUNT"),
        ("30", "COUNT"),
    ]
    # 3、5、8万元 may be 3万, 5万, 8万 or not: the bare numbers are left unread
    assert [(str(q.value), q.unit) for q in found("补助标准为3、5、8万元。")] == [("80000", "CNY")]


@pytest.mark.parametrize(
    ("text", "falls"),
    [
        ("全县工业投资比上年下降8.4%。", [True]),
        ("进口额同比降1.5%,出口额增长4%。", [True, False]),
        ("农民工总量下降了2.2%。", [True]),
        ("各项指标分别下降1.2%、0.8%和3%。", [True, True, True]),
        ("失业率回落0.4个百分点。", [True]),
        # a level reached, a count reduced: no change in a rate
        ("贫困发生率下降到2.1%。", [False]),
        ("发生率降至0.9%。", [False]),
        ("减少贫困人口3.2万人。", [False]),
    ],
)
def test_a_rate_written_after_a_verb_of_falling_falls(text: str, falls: list[bool]) -> None:
    got = found(text)
    assert [q.falls for q in got] == falls
    assert all(q.value > 0 for q in got)  # as written; the measurement gives the sign


def test_a_fall_as_a_change_is_negative_with_its_bound_turned_round() -> None:
    change = quantities.as_change(one("能耗下降4%以上。"))
    assert (change.value, change.qualifier) == (Decimal(-4), Qualifier.AT_MOST)
    change = quantities.as_change(one("用水量下降5%以内。"))
    assert (change.value, change.qualifier) == (Decimal(-5), Qualifier.AT_LEAST)
    assert quantities.as_change(one("增长5%。")).value == 5


def test_a_measure_word_jieba_fuses_with_a_noun_of_places_still_counts() -> None:
    # jieba reads 个村 as one word here; it is no word of its own, unlike 个人
    assert [(q.span.text, q.value) for q in found("帮扶覆盖全市128个村的群众。")] == [
        ("128个", Decimal(128))
    ]
    assert found("这里有12个人。") == []
    # a Chinese numeral before 家村 may open a village's name
    assert found("来到白马镇五家村。") == []


def test_a_number_in_tens_of_thousands_counts_the_noun_of_people_after_its_modifier() -> None:
    quantity = one("全省对12.6万易地搬迁安置人口开展帮扶。")
    assert (quantity.span.text, quantity.value, quantity.unit) == (
        "12.6万",
        Decimal(126000),
        "PERSON",
    )
    # a noun that itself modifies a later one (家庭的劳动力) says nothing of the unit
    assert found("有3.2万来自困难家庭的劳动力外出务工。") == []
    assert found("投入3000万扶贫资金。") == []


def test_a_bound_between_a_number_in_tens_of_thousands_and_its_noun_of_people() -> None:
    quantity = one("今年要实现2.35万以上农村低收入人口增收。")
    assert (quantity.span.text, quantity.value, quantity.unit, quantity.qualifier) == (
        "2.35万以上",
        Decimal(23500),
        "PERSON",
        Qualifier.AT_LEAST,
    )


def test_numeral_beginning_a_division_name_is_no_count() -> None:
    # 九台区: 九 and the measure word 台 begin the district's name; 三台 alone is three machines
    text = "九台区和七台河市今年新建温室三十座，购置三台电脑。"
    found = quantities.extract(Document.from_text(text))
    assert [(q.value, q.unit) for q in found] == [(Decimal(30), "COUNT"), (Decimal(3), "COUNT")]


def test_pair_with_an_estimate_between_its_values() -> None:
    # a report early in the year estimates the year just ended between the two values
    revenue = one("财政收入从12.5亿元预计增长到16亿元。")
    assert (revenue.value, revenue.baseline, revenue.unit) == (
        Decimal(1600000000),
        Decimal(1250000000),
        "CNY",
    )


def test_field_a_rank_is_among_is_no_count() -> None:
    # 在N个市州中 before a ranking names the peers ranked among; before a verb, or counting
    # the area's own units (在40家单位中), they count
    assert quantities.extract(Document.from_text("在14个市州中，我市增速排名第三。")) == []
    found = quantities.extract(Document.from_text("在5个村中开展试点。"))
    assert [(q.value, q.unit) for q in found] == [(Decimal(5), "COUNT")]
    found = quantities.extract(Document.from_text("在40家帮扶单位中，市农业局排名第一。"))
    assert [(q.value, q.unit) for q in found] == [(Decimal(40), "COUNT")]


def test_numeral_of_a_set_term_is_no_count() -> None:
    # 八项规定, 四类村庄, 四个意识: numbered watchwords of the genre; a plain 四类 still counts
    text = "镇里学习中央八项规定，规划四类村庄，树牢四个意识，整治了四类问题。"
    found = quantities.extract(Document.from_text(text))
    assert [(q.span.text, q.value) for q in found] == [("四类", Decimal(4))]


def test_numeral_after_a_village_ending_in_a_settlement_is_a_hamlet() -> None:
    # 新华村六米坡: a hamlet of the village; a length elsewhere stays a length
    text = "专家来到新华村六米坡养殖场，又看了村里新修的六米宽公路。"
    found = quantities.extract(Document.from_text(text))
    assert [(q.span.text, q.unit) for q in found] == [("六米", "M")]


def test_two_neighbouring_digits_say_a_few_and_count_nothing() -> None:
    # 三五 and 四五 are "a few", not 35 or 45; a count written in full stays
    assert found("院子里三五老人晒太阳，四五个孩子在玩。") == []
    assert [q.value for q in found("院子里三十五位老人晒太阳。")] == [Decimal(35)]


def test_a_number_in_tens_of_thousands_after_a_people_noun_counts_them() -> None:
    # no measure word after 万: the noun before it says what is counted, to the clause's end
    assert [(q.value, q.unit) for q in found("全乡耕地3万亩，总人口2.3万，以汉族为主。")] == [
        (Decimal(30000), "MU"),
        (Decimal(23000), "PERSON"),
    ]
    assert found("全乡总人口2.3万元。")[0].unit == "CNY"


def test_a_chinese_numeral_of_phases_after_a_built_place_is_its_phase() -> None:
    # 园区二期 is the second phase; 培训班三期 at a clause's end counts sessions
    assert found("物流园二期投入使用，新增岗位500个。")[0].value == Decimal(500)
    assert len(found("物流园二期投入使用，新增岗位500个。")) == 1
    assert [q.value for q in found("今年举办培训班三期。")] == [Decimal(3)]
