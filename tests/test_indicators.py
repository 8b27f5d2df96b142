"""Indicator phrases -> the standard indicators of ontology/indicators.ttl."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from kg.extract.indicators import concept_of, concepts
from kg.resources import ontology_dir

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
FPI = "https://w3id.org/fupin-kg/indicator/"
CPI = "cpi-inflation"
LIFTED = "people-lifted-out-of-poverty"
HOUSEHOLDS_OUT = "households-lifted-out-of-poverty"


@pytest.mark.parametrize(
    ("phrase", "unit", "notation"),
    [
        ("地区生产总值", "CNY", "regional-gdp"),
        ("生产总值", "CNY", "regional-gdp"),
        ("GDP", "CNY", "regional-gdp"),
        ("地區生產總值", "CNY", "regional-gdp"),  # traditional
        # a level stated in percent is its growth rate; the two are different concepts
        ("地区生产总值", "PERCENT", "regional-gdp-growth"),
        ("地区生产总值增长", "PERCENT", "regional-gdp-growth"),
        ("GDP增長", "PERCENT", "regional-gdp-growth"),
        ("全市经济总量", "PERCENT", "regional-gdp-growth"),
        ("第二产业实现增加值", "CNY", "secondary-industry-value-added"),  # 实现 between
        ("第三产业实现增加值", "PERCENT", "tertiary-industry-value-added-growth"),
        ("人均地区生产总值", "CNY", "per-capita-gdp"),
        ("规上工业增加值", "PERCENT", "industrial-value-added-growth"),
        ("城镇登记失业率控制在", "PERCENT", "registered-urban-unemployment"),
        ("CPI涨幅控制在", "PERCENT", "cpi-inflation"),
        ("减少农村贫困人口", "PERSON", "people-lifted-out-of-poverty"),
        ("农村贫困人口", "PERSON", "poverty-headcount"),
        ("贫困发生率", "PERCENT", "poverty-incidence"),
        ("贫困县达到脱贫摘帽标准", "COUNT", "poor-counties-exited"),
        # … and passing the assessment is another stage, counted apart
        ("县通过脱贫摘帽考核验收", "COUNT", "poor-counties-exit-assessed"),
        ("贫困村全部出列", "COUNT", "poor-villages-exited"),
        ("易地扶贫搬迁", "PERSON", "relocated-people"),
        ("易地扶贫搬迁", "HOUSEHOLD", "relocated-households"),
        ("农村居民人均可支配收入", "CNY", "rural-disposable-income"),
        ("城镇居民人均可支配收入", "PERCENT", "urban-disposable-income-growth"),
        # the unit tells which count a word names: 贫困人口 in households is the poor households
        ("建档立卡贫困人口", "HOUSEHOLD", "poor-households"),
        ("建档立卡贫困户", "PERSON", "poverty-headcount"),
        ("如期脱贫", "HOUSEHOLD", "households-lifted-out-of-poverty"),
        ("如期脱贫", "PERSON", "people-lifted-out-of-poverty"),
        ("未脱贫", "PERSON", "poverty-headcount"),  # not yet out: the poor still counted
        # filler words between the words of a label
        ("贫困村已经全部脱贫", "COUNT", "poor-villages-exited"),
        ("全镇贫困村已退出", "COUNT", "poor-villages-exited"),  # 已: done, a filler
        ("全县贫困人口要稳定脱贫", "PERSON", "people-lifted-out-of-poverty"),  # 要: due
        # a word that cannot be stated in the unit is no rival indicator beside the phrase's
        ("成为中国脱贫人数最多省贫困发生率", "PERCENT", "poverty-incidence"),
        ("财政收入", "CNY", "local-fiscal-revenue"),
        ("按常住人口计算人均地区生产总值", "CNY", "per-capita-gdp"),
        # concepts the corpus reports besides the list
        ("建筑业总产值比增", "PERCENT", "construction-output-growth"),
        ("年末户籍人口", "PERSON", "registered-population"),
        ("金融机构贷款余额", "CNY", "loans"),
        ("全社会用电量增长", "PERCENT", "electricity-consumption-growth"),
        # 农牧民: the rural residents of pastoral regions; 新农合: the rural medical scheme
        ("牧区农牧民人均可支配收入", "CNY", "rural-disposable-income"),
        ("农牧民人均可支配收入增长", "PERCENT", "rural-disposable-income-growth"),
        ("贫困家庭新农合参合率达", "PERCENT", "medical-insurance-coverage"),
        ("全县贫困人口全面脱贫", "PERSON", "people-lifted-out-of-poverty"),  # 全面: a filler
        ("全县贫困人口全面脱贫", "HOUSEHOLD", "households-lifted-out-of-poverty"),
        ("建档立卡贫困人口脱贫", "PERSON", "people-lifted-out-of-poverty"),
        ("移民搬迁安置", "PERSON", "relocated-people"),
        ("移民搬迁安置", "HOUSEHOLD", "relocated-households"),
        ("粮食产能", "TONNE", "grain-output"),
        # 脱贫 inside 未脱贫 is no second indicator beside 贫困人口
        ("贫困人口尚未脱贫", "PERSON", "poverty-headcount"),
        ("全县规上工业产值实现", "CNY", "industrial-output"),
        ("规上工业产值", "PERCENT", "industrial-output-growth"),
        ("农林牧渔总产值", "CNY", "agricultural-output"),
        # 建档立卡户, the registered poor households, counted in households or in people
        ("全乡建档立卡户", "HOUSEHOLD", "poor-households"),
        ("全乡建档立卡户", "PERSON", "poverty-headcount"),
        ("建档立卡户脱贫", "HOUSEHOLD", "households-lifted-out-of-poverty"),
        ("公共预算收入", "CNY", "general-budget-revenue"),
        ("村均可支配收入", "CNY", "village-collective-income"),
        ("村级可支配收入", "CNY", "village-collective-income"),
        # labour sent out to work elsewhere, in the words of the inland counties
        ("全镇每年劳务输出", "PERSON", "labour-transfer"),
        ("勞務輸出", "PERSON", "labour-transfer"),  # traditional
        # 稳定 between the headcount and 脱贫: one label, not two indicators side by side
        ("全县农村贫困人口稳定脱贫", "PERSON", "people-lifted-out-of-poverty"),
        ("今年出列贫困村", "COUNT", "poor-villages-exited"),
        ("贫困县通过省检", "COUNT", "poor-counties-exit-assessed"),  # the province's check
        # the registered poor lifted out, counted in households: not 建档立卡贫困人口 beside 脱贫
        ("建档立卡贫困人口脱贫", "HOUSEHOLD", "households-lifted-out-of-poverty"),
        # the genre's other words for the same concepts (round ten, r14)
        ("全镇贫困村摘帽", "COUNT", "poor-villages-exited"),  # not the counties' 摘帽
        ("全区经济薄弱村达标", "COUNT", "poor-villages-exited"),  # 江苏's word for poor villages
        ("全州国贫县脱贫出列", "COUNT", "poor-counties-exited"),  # not the villages' 出列
        ("全省贫困县全部脱贫出列", "COUNT", "poor-counties-exited"),
        ("全县贫困人口摆脱贫困", "PERSON", "people-lifted-out-of-poverty"),
        ("贫困户摆脱贫困", "HOUSEHOLD", "households-lifted-out-of-poverty"),
        ("仍处于贫困线以下", "HOUSEHOLD", "poor-households"),
        ("仍处于贫困线以下", "PERSON", "poverty-headcount"),
        ("改造农村危旧房", "HOUSEHOLD", "dilapidated-housing-renovated"),
        ("建档立卡贫困户危房改造", "HOUSEHOLD", "dilapidated-housing-renovated"),
        ("累计搬迁入住", "HOUSEHOLD", "relocated-households"),
        ("集中安置贫困户", "PERSON", "relocated-people"),
        # labels of the genre's other wordings (r16's unmapped phrases, in sentences of our own)
        ("嘎查集体经济只有", "CNY", "village-collective-income"),  # 只有: how little, a filler
        ("全村集体经济总收入", "CNY", "village-collective-income"),
        ("下达扶贫发展资金", "CNY", "poverty-funds"),
        ("农村贫困的发生率", "PERCENT", "poverty-incidence"),
        ("全乡群众移民搬出", "PERSON", "relocated-people"),
        ("贫困村脱贫摘帽", "COUNT", "poor-villages-exited"),  # not the counties' 摘帽
        ("全年摘帽村", "COUNT", "poor-villages-exited"),  # villages, not counties
        ("富余劳动力外出务工", "PERSON", "labour-transfer"),
        ("村内道路硬化", "KM", "rural-roads"),
        ("新识别出贫困对象", "HOUSEHOLD", "poor-households"),
        ("新识别出贫困对象", "PERSON", "poverty-headcount"),
    ],
)
def test_phrase_maps_to_its_concept(phrase: str, unit: str, notation: str) -> None:
    concept = concept_of(phrase, unit)
    assert concept is not None and concept.notation == notation


@pytest.mark.parametrize(
    ("phrase", "unit"),
    [
        ("贫困发生率", "COUNT"),  # a rate cannot be a count: the unit rules it out
        ("年均", "PERCENT"),
        ("第一产业增加值占生产总值比重", "PERCENT"),  # a share is not GDP's growth
        ("产业对生产总值增长的贡献率", "PERCENT"),
        ("城乡居民人均可支配收入", "PERCENT"),  # urban and rural at once: neither
        ("固定资产投资、社会消费品零售总额", "PERCENT"),  # two indicators side by side
        ("", "CNY"),
        ("全疆返岗务工的贫困人口", "PERSON"),  # the poor who work again, not the poor
        ("吸纳脱贫劳动力", "PERSON"),
        ("牧民实现脱贫致富", "HOUSEHOLD"),
        ("退出贫困村通村硬化路全部完工", "COUNT"),
        ("0-17岁户籍人口", "PERSON"),  # a part is not the whole
        ("中长期贷款余额增长", "PERCENT"),
        ("金融机构总资产、存贷款余额", "CNY"),  # deposits and loans at once
        ("贫困人口人均可支配收入", "CNY"),  # the poor's income is not the residents'
        ("有劳动能力贫困户", "HOUSEHOLD"),  # a part of the poor is not all of them
        ("种植中药材的贫困户", "HOUSEHOLD"),
        # households a check samples or a problem concerns are not the area's count
        ("抽取的贫困户开展入户调查", "HOUSEHOLD"),
        ("督查反馈的脱贫问题涉及", "HOUSEHOLD"),
        ("全县夏粮产量", "TONNE"),  # one season's harvest is a part of the year's
        ("小春粮食产量", "TONNE"),
        # a category of the poor households is a part of their count, not the count
        ("全乡低保贫困户", "HOUSEHOLD"),
        ("五保贫困户", "PERSON"),
        ("一般贫困户", "HOUSEHOLD"),
        # households watched for falling back are not those lifted out
        ("全县脱贫不稳定户", "PERSON"),
        ("脱贫户中的边缘易致贫户", "HOUSEHOLD"),
        # works done for the poor households count the works, not the households
        ("贫困户改厕", "HOUSEHOLD"),
        ("建档立卡户改圈", "HOUSEHOLD"),
        # villages whose industry reached a standard are a part of those exited
        ("已退出贫困村产业发展达标", "COUNT"),
        # people given a job post are neither the poor nor the relocated
        ("公益岗位安置贫困户", "PERSON"),
        # a per-head statistic of the key counties is not the area's own
        ("全省扶贫开发重点县人均GDP", "CNY"),
        ("扶贫开发工作重点县人均生产总值", "PERCENT"),
    ],
)
def test_phrase_naming_no_single_concept_maps_to_none(phrase: str, unit: str) -> None:
    assert concept_of(phrase, unit) is None


def test_scheme_labels_every_concept_in_three_scripts() -> None:
    graph = Graph().parse(ontology_dir() / "indicators.ttl", format="turtle")
    scheme = URIRef(FPI)
    members = set(graph.subjects(SKOS.inScheme, scheme))
    assert len(members) == len(concepts()) >= 40
    for concept in members:
        languages = {
            o.language for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)
        }
        assert languages == {"en", "zh-Hans", "zh-Hant"}, concept


def test_growth_concept_is_linked_to_its_level() -> None:
    growth = concepts()[FPI + "regional-gdp-growth"]
    assert growth.growth_of == FPI + "regional-gdp"
    assert concepts()[FPI + "cpi-inflation"].direction == "Lower"


@pytest.mark.parametrize(
    ("phrase", "unit", "clause", "notation"),
    [
        # the clause keeps what the phrase lost
        ("农村贫困人口", "PERSON", "减少农村贫困人口110万", "people-lifted-out-of-poverty"),
        ("农村贫困人口", "PERSON", "全省有农村贫困人口110万", "poverty-headcount"),
        ("地区生产总值", "PERCENT", "地区生产总值增长6%左右", "regional-gdp-growth"),
        # the clause says the number is something else
        ("常住人口", "PERSON", "比上年末增加0.1万人", None),
        ("贫困户", "HOUSEHOLD", "带动贫困户60户", None),
        # a phrase carried over from an earlier number, when the clause names another indicator
        ("规模以上工业增加值", "PERCENT", "社会消费品零售总额实现206.36亿元、增长12.1%", None),
        ("规模以上工业增加值", "PERCENT", "增长8.5%", "industrial-value-added-growth"),
        # a level reached is the level, though 增加 (an increase) is in the clause
        (
            "一般公共预算收入",
            "CNY",
            "一般公共预算收入由5.05亿元增加到7.17亿元",
            "general-budget-revenue",
        ),
        ("一般公共预算收入", "CNY", "一般公共预算收入比上年增加0.5亿元", None),
        ("贫困人口已经", "PERSON", "贫困人口已经由157万人减少至1.6万人", "poverty-headcount"),
        # a phrase cut short is read with the words before it in its clause
        ("人员", "PERSON", "全年城镇新增就业人员1492人", "new-urban-jobs"),
        ("大关", "CNY", "规上工业总产值突破1400亿元大关", "industrial-output"),
        ("贫困县", "COUNT", "2016年“摘帽”28个贫困县", "poor-counties-exited"),
        # two values at once: a phrase naming one of them is the extractor's reading of which
        (
            "城镇居民人均可支配收入",
            "PERCENT",
            "城乡居民人均可支配收入分别增长8.1%和9.2%",
            "urban-disposable-income-growth",
        ),
        ("城乡居民人均可支配收入", "PERCENT", "城乡居民人均可支配收入分别增长8.1%和9.2%", None),
        # … and without 分别: the growth of a label inside the phrase's is no rival
        (
            "农村居民人均可支配收入",
            "PERCENT",
            "城乡居民人均可支配收入增长8.1%、9.2%",
            "rural-disposable-income-growth",
        ),
        # … but not with another number's words before a comma
        ("人均收入", "CNY", "地区生产总值100亿元，人均收入", None),
        ("贫困县", "COUNT", "全省有28个贫困县", None),
        # a longer label elsewhere in the clause is not the phrase's
        ("贫困人口", "PERSON", "5000名贫困人口中有4800名贫困人口实现脱贫", "poverty-headcount"),
        # what remains is not what was done: (尚)未摘帽, (尚)未退出 name the counties still listed
        ("未摘帽贫困县开展督查", "COUNT", "全区对6个未摘帽贫困县开展督查", None),
        ("贫困县", "COUNT", "剩下4个尚未退出的贫困县", None),
        ("贫困县摘帽", "COUNT", "今年又有4个贫困县摘帽", "poor-counties-exited"),
        # a visit's sample is no count of the area's poor
        ("贫困户", "HOUSEHOLD", "检查组随机走访贫困户5户", None),
        ("贫困户", "HOUSEHOLD", "节前慰问贫困户30户", None),
        # a bracketed abbreviation between the words of a label
        ("居民消费价格(CPI)比上年上涨", "PERCENT", "居民消费价格(CPI)比上年上涨2.1%", CPI),
        ("居民消費價格（CPI）同比上漲", "PERCENT", "居民消費價格（CPI）同比上漲1.5%", CPI),
        # visitors counted as 游客数量, and its growth
        ("景区游客数量同比", "PERCENT", "景区游客数量同比增长31.5%", "tourism-visitors-growth"),
        ("全镇游客数量", "PERSON_TIME", "全镇游客数量达到12万人次", "tourism-visitors"),
        # a fall in the poor headcount is people lifted out of poverty …
        ("农村贫困人口比上年减少", "PERSON", "农村贫困人口比上年减少3.2万人", LIFTED),
        ("贫困人口累计减少", "PERSON", "五年来贫困人口累计减少9万人", LIFTED),
        # … but the level it fell to is the headcount
        ("贫困人口", "PERSON", "贫困人口减少到0.8万人", "poverty-headcount"),
        # tourism counted as 旅游接待, in visits and in revenue
        ("假期全县旅游接待", "PERSON_TIME", "假期全县旅游接待8.2万人次", "tourism-visitors"),
        ("旅游接待总收入", "CNY", "旅游接待总收入达3650万元", "tourism-revenue"),
        ("游客", "PERSON_TIME", "春节期间来村游客超过3万人次", "tourism-visitors"),
        ("游客", "PERCENT", "同比增长42.5%", "tourism-visitors-growth"),  # borrowed from before
        # … but one kind of tourism, or a day's average, is a part of it
        ("旺季日均接待游客", "PERSON_TIME", "旺季日均接待游客1500人次", None),
        ("乡村旅游接待游客", "PERSON_TIME", "其中乡村旅游接待游客2.1万人次", None),
        ("民俗旅游接待", "PERSON_TIME", "民俗旅游接待4000人次", None),
        # villages 出列 with the noun before the number; people 搬迁移民, households and people
        ("出列", "COUNT", "全年有36个村出列", "poor-villages-exited"),
        ("贫困村", "COUNT", "计划年内5个未出列贫困村摘帽", None),
        ("移民", "HOUSEHOLD", "五年来搬迁移民1.2万户4.8万人", "relocated-households"),
        ("移民", "PERSON", "五年来搬迁移民1.2万户4.8万人", "relocated-people"),
        # the poor a programme reaches are no headcount
        ("贫困人口", "PERSON", "光伏扶贫惠及2万贫困人口", None),
        # households watched for falling back are not households lifted out
        ("识别脱贫监测户", "HOUSEHOLD", "全县新识别脱贫监测户120户", None),
        ("纳入防返贫监测对象", "PERSON", "累计纳入防返贫监测对象560人", None),
        # projects are not the houses they renovate, livestock not the people given water
        ("农村危房改造项目", "COUNT", "实施12个农村危房改造项目", None),
        ("牲畜安全饮水", "COUNT", "解决3万人、8万头牲畜安全饮水", None),
        # counties a notice proposes for exit have not exited yet
        ("贫困县摘帽退出公示", "COUNT", "关于5个贫困县摘帽退出公示", None),
        ("拟退出贫困县", "COUNT", "全省拟退出贫困县9个", None),
        # 减贫任务 said of a list: each item's own count of what leaves poverty
        ("贫困村减贫任务", "COUNT", "完成3个贫困村和1.5万贫困人口减贫任务", "poor-villages-exited"),
        ("贫困人口减贫任务", "PERSON", "完成3个贫困村和1.5万贫困人口减贫任务", LIFTED),
        # quote marks around a word of a label, and when a target is due, change nothing
        ("建档立卡贫困人口全部“清零”", "PERSON", "2.6万建档立卡贫困人口全部“清零”", LIFTED),
        ("贫困人口今年将实现全部脱贫", "PERSON", "余下1万贫困人口今年将实现全部脱贫", LIFTED),
        # the registered unemployment rate without 城镇 before it
        ("登记失业率", "PERCENT", "年末登记失业率为3.2%", "registered-urban-unemployment"),
        # a verb of a level reached between the place and the indicator's words
        ("就业", "PERSON", "全市城镇完成新增就业5100人", "new-urban-jobs"),
        # a value per head is not the total it divides, nor its growth
        ("人均一般公共预算收入", "CNY", "人均一般公共预算收入达到1800元", None),
        ("人均一般公共预算收入年均", "PERCENT", "人均一般公共预算收入年均增长5.1%", None),
        # a group's income per head is not all residents'
        ("低收入农户人均可支配收入", "PERCENT", "低收入农户人均可支配收入增长9%", None),
        ("脱贫人口人均可支配收入", "CNY", "脱贫人口人均可支配收入达到9800元", None),
        # the poor households taking part in projects are not the area's poor households
        ("贫困户", "HOUSEHOLD", "实施产业项目80个，参与贫困户2100户", None),
        # labels with 人均 in them map as before
        (
            "农村居民人均可支配收入",
            "CNY",
            "农村居民人均可支配收入1.5万元",
            "rural-disposable-income",
        ),
        ("人均地区生产总值", "CNY", "人均地区生产总值达到6.1万元", "per-capita-gdp"),
        # a value per household is not a count of households
        ("贫困户每年每户", "HOUSEHOLD", "保证12户贫困户每年每户分红不少于800元", None),
        # a visit to a household's home is not a count of the households
        ("脱贫户家", "HOUSEHOLD", "书记先后来到王某等6户脱贫户家", None),
        # a water tank built is a work, not the households it serves
        ("贫困户修家庭水柜", "HOUSEHOLD", "95户贫困户修了家庭水柜", None),
        # what became of those counted, said after them, decides
        ("贫困户", "HOUSEHOLD", "全乡56户贫困户203人全部脱贫", "households-lifted-out-of-poverty"),
        ("全部脱贫", "PERSON", "尚未脱贫的41户117人全部脱贫", LIFTED),
        (
            "全部脱贫",
            "HOUSEHOLD",
            "尚未脱贫的41户117人全部脱贫",
            "households-lifted-out-of-poverty",
        ),
        # the poor a work was done for, named before it
        (
            "贫困户完成危旧房改造",
            "HOUSEHOLD",
            "70余户贫困户完成危旧房改造",
            "dilapidated-housing-renovated",
        ),
        # a phrase cut before its verb or inside a bracket, read on to the number
        ("经济年均", "PERCENT", "全县经济年均增长6.2%", "regional-gdp-growth"),
        ("贫困县(市", "COUNT", "全省6个贫困县(市、区)全部脱贫摘帽", "poor-counties-exited"),
        ("村民", "HOUSEHOLD", "320户村民中有贫困户41户", None),
        # the urban part of the resident population is not all of it
        ("城镇常住人口", "PERSON", "全县城镇常住人口6.2万人", None),
        # a day's peak is not the period's total of visitors
        ("游客", "PERSON", "国庆期间最多一天接待了3000名游客", None),
        ("游客", "PERSON", "全年接待游客30万人", "tourism-visitors"),
        # households and people of the poor lifted out, counted together
        ("贫困人口全部稳定脱贫", "HOUSEHOLD", "全乡42户97名贫困人口全部稳定脱贫", HOUSEHOLDS_OUT),
        ("贫困户实现稳定脱贫", "PERSON", "全县230户610名贫困户实现稳定脱贫", LIFTED),
        # a breakdown table's row names a part of the indicator, not the whole
        ("年末常住人口：乡村", "PERSON", "乡村 21.40 52.30", None),
        ("年末常住人口", "PERSON", "年末常住人口 40.92 100.00", "resident-population"),
    ],
)
def test_the_clause_around_the_number_decides(
    phrase: str, unit: str, clause: str, notation: str | None
) -> None:
    concept = concept_of(phrase, unit, clause)
    assert (concept.notation if concept else None) == notation
