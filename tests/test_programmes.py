"""Programmes: the sample article and invented sentences of the genre."""

from __future__ import annotations

import pytest

from kg.extract import programmes
from kg.extract.facts import Division, Level, Programme
from kg.resources import SAMPLE_ARTICLE
from kg.text.document import Document
from tests.places_stub import places_in

YUNNAN = Division("云南省", Level.PROVINCE, "530000", ("云南",))
LIJIANG = Division("丽江市", Level.PREFECTURE, "530700", ("丽江",), YUNNAN)
YONGSHENG = Division("永胜县", Level.COUNTY, "530722", ("永胜",), LIJIANG)
NAMES = {
    "丽江市": LIJIANG,
    "丽江": LIJIANG,
    "永胜县": YONGSHENG,
    "永胜": YONGSHENG,
    "云南": YUNNAN,
}


def run(text: str, jurisdiction: Division | None = LIJIANG) -> dict[str, Programme]:
    doc = Document.from_text(text)
    found = programmes.extract(doc, places_in(doc, NAMES), jurisdiction)
    return {p.name: p for p in found}


@pytest.fixture(scope="module")
def sample() -> dict[str, Programme]:
    doc = Document.from_path(SAMPLE_ARTICLE)
    return {p.name: p for p in programmes.extract(doc, places_in(doc, NAMES), LIJIANG)}


def test_sample_named_programmes(sample: dict[str, Programme]) -> None:
    for name in (
        "六个一百工程",
        "金沙江绿色经济走廊",
        "农村人居环境整治",
        "丽江市林业生态扶贫项目",
        "丽江市实施乡村振兴战略三年行动计划",
        "丽江金沙江绿色经济走廊总体规划",
    ):
        assert name in sample, name
        assert sample[name].area == LIJIANG, name


def test_sample_spans(sample: dict[str, Programme]) -> None:
    assert sample["六个一百工程"].span.written == "“六個一百”工程"
    plan = sample["丽江市实施乡村振兴战略三年行动计划"]
    assert plan.span.written == "麗江市實施鄉村振興戰略三年行動計劃(2018—2020)"
    assert plan.evidence is None  # the area is named in the title itself
    assert sample["金沙江绿色经济走廊"].evidence is not None


def test_sample_part_of(sample: dict[str, Programme]) -> None:
    assert sample["六个一百工程"].part_of == "金沙江绿色经济走廊"
    assert sample["生态修复工程"].part_of == "丽江市林业生态扶贫项目"


def test_sample_slogans_and_standards_stay_out(sample: dict[str, Programme]) -> None:
    names = set(sample)
    for not_programme in (
        "幸福是奋斗出来的",
        "酒罐子",
        "两不愁三保障",
        "四不摘",
        "六个精准",
        "五个一批",
    ):
        assert not any(not_programme in n for n in names), not_programme
    assert "一期工程" not in names and "光伏提水项目" not in names
    assert "绿色经济带" not in names


def test_sample_one_per_name_and_area(sample: dict[str, Programme]) -> None:
    doc = Document.from_path(SAMPLE_ARTICLE)
    found = programmes.extract(doc, places_in(doc, NAMES), LIJIANG)
    keys = [(p.name, p.area.key if p.area else None) for p in found]
    assert len(keys) == len(set(keys))


def test_county_report_traditional() -> None:
    found = run("永勝縣實施“萬企幫萬村”精準扶貧行動，深入推進東西部扶貧協作。")
    assert set(found) == {"万企帮万村", "东西部扶贫协作"}  # the quote names it (see below)
    assert found["万企帮万村"].area == YONGSHENG
    assert found["万企帮万村"].span.written == "“萬企幫萬村”精準扶貧行動"


def test_verb_ends_the_name() -> None:
    found = run("永胜县全面实施易地扶贫搬迁工程，投入资金2亿元。")
    assert set(found) == {"易地扶贫搬迁工程"}
    assert found["易地扶贫搬迁工程"].area == YONGSHENG


def test_quoted_name_with_suffix_inside() -> None:
    found = run("今年，全市启动“暖心工程”，推广“党支部+合作社+农户”模式。")
    assert set(found) == {"暖心工程", "党支部+合作社+农户模式"}
    assert found["暖心工程"].span.written == "暖心工程"
    assert found["暖心工程"].area == LIJIANG


def test_policy_documents_in_book_marks() -> None:
    found = run("县委印发《关于推进庭院经济增收的实施意见》，全县干部订阅《人民日报》。")
    assert set(found) == {"关于推进庭院经济增收的实施意见"}


@pytest.mark.parametrize(
    ("sentence", "programme"),
    [
        ("州委印发《关于坚决打赢脱贫攻坚战三年行动的实施意见》。", "脱贫攻坚战三年行动"),
        ("省里下发《关于加快推进边远村整体提升工程的实施意见》。", "边远村整体提升工程"),
    ],
)
def test_a_document_on_a_programme_is_not_the_programme(sentence: str, programme: str) -> None:
    # the document's matter ends in a strong suffix: the programme it names is the programme
    assert set(run(sentence, jurisdiction=None)) == {programme}


@pytest.mark.parametrize(
    "sentence",
    [
        # ways of working, quoted or not
        "县里推行干部到村担任“总队长”机制，落实河长制度。",
        # the countryside's projects of a kind
        "乡里建起光伏电站，发展农村精准扶贫项目。",
        # a production line of a kind of goods
        "园区引进休闲食品、功能性饮料生产项目。",
        # a firm's investment brought in, and a year's plan of investment
        "该村将引进滑翔伞项目、开展民宿招商。",
        "全面完成年度投资计划。",
    ],
)
def test_mechanisms_kinds_of_project_and_production_lines_are_no_programmes(
    sentence: str,
) -> None:
    assert run(sentence, jurisdiction=None) == {}


@pytest.mark.parametrize(
    ("sentence", "programme"),
    [
        # the national programme of that name, its scope word cut off
        ("该县被列入国家光伏扶贫工程重点实施范围。", "光伏扶贫工程"),
        # a noun jieba tags as a verb inside the name
        ("深入实施粮食产能提升行动，稳定播种面积。", "粮食产能提升行动"),
        # the years a plan runs, in one word with its suffix
        ("该村依托民宿提质改造三年计划，盘活闲置农房。", "民宿提质改造三年计划"),
    ],
)
def test_national_solar_programme_and_capacity_campaign(sentence: str, programme: str) -> None:
    assert set(run(sentence, jurisdiction=None)) == {programme}


def test_campaign_after_verb() -> None:
    found = run("全县累计投入农村危房改造资金3亿元，持续推进农村人居环境整治。", YONGSHENG)
    # 农村危房改造 is a field of work: the gold of every batch lists it as optional at most
    assert set(found) == {"农村人居环境整治"}
    assert all(p.area == YONGSHENG for p in found.values())


def test_part_of_means_and_goal() -> None:
    found = run("通过实施百村示范工程，打造乡村振兴示范带。")
    assert found["百村示范工程"].part_of == "乡村振兴示范带"
    assert found["乡村振兴示范带"].part_of is None


def test_external_programme_has_no_area() -> None:
    found = run("主动融入长江经济带发展战略，实施林业生态修复工程。")
    assert found["长江经济带发展战略"].area is None
    assert found["林业生态修复工程"].area == LIJIANG


def test_same_name_two_areas_stay_two() -> None:
    doc = Document.from_text("永胜县实施“三大工程”。丽江市实施“三大工程”。")
    found = programmes.extract(doc, places_in(doc, NAMES), LIJIANG)
    assert sorted((p.name, p.area.name if p.area else "") for p in found) == [
        ("三大工程", "丽江市"),
        ("三大工程", "永胜县"),
    ]


def test_year_period_is_not_in_the_key() -> None:
    found = run("编制《永胜县脱贫攻坚规划(2016—2020年)》，落实永胜县脱贫攻坚规划。")
    assert list(found) == ["永胜县脱贫攻坚规划"]
    assert found["永胜县脱贫攻坚规划"].span.text == "永胜县脱贫攻坚规划(2016—2020年)"


@pytest.mark.parametrize(
    "text",
    [
        "总书记强调，“幸福是奋斗出来的”“天上不会掉馅饼”。",
        "严格落实“四不摘”要求，对照“两不愁三保障”的标准，贯彻“六个精准”的扶贫方略。",
        "工作队的真心感动了他，“酒罐子”终于戒酒，拔掉“穷根”。",
        "实施100个光伏提水项目，一期工程将于年内完工，这个项目很重要。",
        "战略任务、工作格局和规划体系；统一行动的过程。",
        "建立乡风文明红黑榜制度，严格执行学习制度，编制了总体规划。",
        "他说：“我们村的发展靠的是实干工程。”",
    ],
)
def test_not_programmes(text: str) -> None:
    assert run(text) == {}


def test_masked_text_is_skipped() -> None:
    assert run("实施“六个\ufffd百”工程。") == {}


def test_quoted_name_governed_by_a_verb() -> None:
    found = run("持续推进永胜县“四好农村路”建设，开展“千村美丽、万村整洁”行动。")
    assert set(found) == {"四好农村路", "千村美丽、万村整洁行动"}
    assert found["四好农村路"].area == YONGSHENG


def test_copula_ends_a_name_and_national_policy_is_no_campaign() -> None:
    assert run("这是永胜县易地扶贫搬迁的一个缩影，群众说这是实干工程。") == {}


def test_facilities_counted_are_no_programme() -> None:
    found = run("村里修通了硬化路,建成集中供水工程5处,新建农村饮水安全工程12个。")
    assert found == {}


def test_a_building_verb_opens_no_name() -> None:
    found = run("去年建成金沙江干热河谷生态修复工程,新建高原特色农业示范工程3.5万亩。")
    assert "金沙江干热河谷生态修复工程" in found
    assert not any(name.startswith(("建成", "新建")) for name in found)


@pytest.mark.parametrize(
    "sentence",
    ["白草村合作社计划明年新建牛舍20栋。", "白草村合作社规划到2025年养牛500头。"],
)
def test_a_weak_suffix_used_as_a_verb_names_nothing(sentence: str) -> None:
    """计划/规划 followed by a time word or a verb plans something; it names no plan."""
    doc = Document.from_text(sentence)
    assert programmes.extract(doc, [], None) == []


def test_cooperation_between_two_provinces_named_by_abbreviation() -> None:
    found = run(
        "记者了解到,沪滇协作是永胜县脱贫的重要力量,两地还深化了劳务协作。苏陕协作为紫阳带来了产业。",
        YONGSHENG,
    )
    assert set(found) == {"沪滇协作", "苏陕协作"}
    assert found["沪滇协作"].area is YONGSHENG
    assert found["沪滇协作"].span.text == "沪滇协作"


@pytest.mark.parametrize("text", ["两地协作不断深化。", "推进产业协作和劳务协作。", "沪上协作。"])
def test_two_characters_that_are_not_two_provinces_name_no_cooperation(text: str) -> None:
    assert run(text) == {}


def test_a_counted_name_that_sums_up_the_list_before_it() -> None:
    found = run(
        "推进产业扶贫全覆盖、新型经营主体全覆盖、农业保险全覆盖“三个全覆盖”,巩固脱贫成效。"
        "实施“五个一批”,成效明显。开展遍访、实现“六个精准”。推进道路、饮水“三个到户”。"
    )
    assert set(found) == {"三个全覆盖"}
    assert found["三个全覆盖"].span.text == "三个全覆盖"


def test_numerals_that_are_part_of_a_name() -> None:
    found = run(
        "深入学习运用千村示范万村整治工程经验。推进万企帮万村行动。"
        "持续实施油茶产业高质量发展三年行动,通过雨露计划资助学生4120人次。建成100个光伏提水项目。"
    )
    assert set(found) == {
        "千村示范万村整治工程",
        "万企帮万村行动",
        "油茶产业高质量发展三年行动",
        "雨露计划",
    }


def test_a_plan_carried_out_is_a_named_programme() -> None:
    found = run(
        "全市深入实施高原特色农业万户增收计划,蔬菜种植面积突破20万亩。"
        "合作社计划明年新建冷库2座,要完成年度计划。"
    )
    assert "高原特色农业万户增收计划" in found
    assert not any(name.endswith("计划") and name != "高原特色农业万户增收计划" for name in found)


def test_the_work_a_campaign_names_and_a_conjunction_after_its_verb() -> None:
    found = run(
        "要深入实施宜居宜业美丽乡村建设行动,全面实施和美家园提升行动,扎实推进和美乡村示范项目。"
    )
    assert {"宜居宜业美丽乡村建设行动", "和美家园提升行动"} <= set(found)
    # an unquoted …项目 needs a second sign (a place in it, a short name) to be a programme
    assert "和美乡村示范项目" not in found


def test_a_cooperation_named_before_its_framework() -> None:
    assert "滇沪协作" in run("在滇沪协作框架下,上海市投入东西部协作资金420万元。")


def test_cooperation_between_two_provinces_named_by_abbreviations() -> None:
    assert "沪黔对口帮扶合作" in run("两地持续深化沪黔对口帮扶合作，共建产业园区。")
    assert "鲁甘扶贫协作" in run("工作组具体负责鲁甘两省扶贫协作工作。")  # 两省 left out
    assert "浙川协作" in run("数据表明浙川协作成效明显。")  # not 表明浙川协作


def test_short_quoted_names_before_reform_and_campaigns_named_a_revolution() -> None:
    assert "四联改革" in run("全县推行“四联”改革，激活农村资源。")
    assert "山区能源革命" in run("全力推进山区能源革命，建成一批光伏电站。")
    assert "湘赣边区经济圈" in run("共同推动湘赣边区经济圈建设。")


def test_what_only_looks_like_a_programme() -> None:
    for sentence in (
        "电商企业开展“818”活动，销售农产品。",  # a date's shopping festival
        "会议通过了《常委会关于扶贫工作情况报告的审议意见》。",  # a committee's opinion
        "主动融入省会1小时经济圈。",  # an area of reach
        "县政府高度重视项目建设。",  # a clause: the government values projects
        "甲县与乙县签订扶贫协作框架协议。",
        "统筹整合资金项目，调整优化项目布局。",
        "黄家镇改革村发展蛋鸡养殖。",  # a village called 改革村
        "来源：县发展改革委。",  # the development and reform commission
    ):
        assert run(sentence, jurisdiction=None) == {}, sentence


def test_a_piece_of_a_longer_project_name_is_no_programme() -> None:
    found = run("二是产业项目，包括永胜县ABC智能装备生产基地项目、蔬菜(二期)种植及冷链加工项目。")
    assert "生产基地项目" not in found
    assert "冷链加工项目" not in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("全乡实施“二帮五联”，干部结对到户。", "二帮五联"),  # numbered parts, governed
        ("扎实推进“四比一创”和“亩均论效益”改革。", "四比一创"),
        ("今年启动“1357”专项行动，压实责任。", "1357专项行动"),  # digits, not a date
        ("召开“抓整改、补短板”专项治理行动动员大会。", "抓整改、补短板专项治理行动"),
        ("积极开展国家物流业综合改革试点。", "国家物流业综合改革试点"),  # a pilot carried out
        ("坚持以开展市域基层治理现代化试点为牵引。", "市域基层治理现代化试点"),
        ("继续落实中国智造2030实施意见。", "中国智造2030"),  # the year it aims at
        ("林场和道路统筹改革（以下简称两项改革）是一项大事。", "林场和道路统筹改革"),
    ],
)
def test_names_in_the_genres_other_shapes(sentence: str, name: str) -> None:
    assert name in run(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "“二帮五联”突出问题基本解决。",  # a standard's problems: no verb carries it out
        "全县打造“三位一体”，服务群众。",  # an idiom
        "要发挥“三个作用”。",  # a count
        "网店开展“1111”活动。",  # a date's shopping festival
        "力争完成2025年目标。",
        "林场和道路统筹改革是一项大事。",  # a reform of a kind, no name defined
    ],
)
def test_shapes_that_name_nothing(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_programme_listed_after_a_noun_and_a_conjunction_is_whole() -> None:
    assert "林下经济工程" in run("一期工程将建设经济林和林下经济工程8万亩。")


@pytest.mark.parametrize(
    "sentence",
    [
        "全县把乡村振兴作为重大政治工程、重大基础工程来抓。",  # an evaluation, no name
        "村里落实各类产业发展项目，积极引进新业态项目。",  # a field, a kind of business
        "干部现场研究解决项目建设中的困难。",  # two verbs taking 项目 as their object
    ],
)
def test_rhetoric_fields_and_clauses_before_a_suffix_name_nothing(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_quote_before_a_field_of_work_names_the_programme() -> None:
    # the tail only says the field and the kind: the quote is the name
    found = run("全市实施“百企联百村”精准扶贫行动。")
    assert set(found) == {"百企联百村"}
    assert found["百企联百村"].span.written == "“百企联百村”精准扶贫行动"
    # a quote too short to stand alone keeps its tail
    assert set(run("推行“两联”脱贫工作模式。")) == {"两联脱贫工作模式"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("“千户增收”行动启动仪式在县城举行。", "千户增收行动"),  # its launch follows
        ("把“百村示范”行动落到实处。", "百村示范行动"),  # an idiom that is the verb
        ("各乡镇要围绕“1+6”实施方案抓好落实。", "1+6实施方案"),  # a document's quoted name
        ("沪滇互学互助对口协作持续深化。", "沪滇互学互助对口协作"),  # words between the pair
        ("全力打造乡村振兴江淮样板。", "乡村振兴江淮样板"),  # a model to build
        ("持续推进道路硬化、厕所革命。", "厕所革命"),  # listed after the verb's object
        ("全县农村饮水安全、四好农村路等工作走在前列。", "四好农村路"),  # a national programme
        ("落实农村义务教育学生营养改善计划。", "农村义务教育学生营养改善计划"),  # the longest
        ("全乡启动了集镇环境整治建设工程“百日攻坚”，拆除违建。", "集镇环境整治建设工程百日攻坚"),
    ],
)
def test_unquoted_and_launched_programmes(sentence: str, name: str) -> None:
    assert name in run(sentence, jurisdiction=None)


@pytest.mark.parametrize(
    "sentence",
    [
        "召开沪滇携手推进扶贫协作会议。",  # a clause between two provinces and their cooperation
        "努力打造全省样板。",  # a model with no proper name in it
        "扎实做好“六稳”工作。",  # a quoted field of work
    ],
)
def test_what_is_still_no_programme(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_quoted_name_being_built_needs_no_verb() -> None:
    found = run("覆盖全县30个贫困村和部分“和美乡村”建设村庄。", jurisdiction=None)
    assert set(found) == {"和美乡村"}


def test_parks_named_by_the_programme_that_designated_them() -> None:
    found = run(
        "有机丝苗米省级现代农业产业园扩大到5万亩，红心蜜柚国家现代农业产业园建设加快，"
        "县工业园新入驻企业8家，县生态农业产业园投产。",
        jurisdiction=None,
    )
    # 丝苗|米: jieba reads 米 as a measure word; the county's own parks are places
    assert set(found) == {"有机丝苗米省级现代农业产业园", "红心蜜柚国家现代农业产业园"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # the scope of the work and a verb jieba reads as an adjective are not the name's
        ("全省东西部扶贫协作推进会在省城召开。", "东西部扶贫协作"),
        ("我市将进一步健全东西部扶贫协作工作机制。", "东西部扶贫协作"),
    ],
)
def test_scope_and_leading_verbs_are_cut_from_a_name(sentence: str, name: str) -> None:
    assert set(run(sentence, jurisdiction=None)) == {name}


def test_a_places_plan_is_no_programme() -> None:
    # 计划 right after a place's name only, the end of the text after it: "永胜 plans to"
    assert run("今年永胜县计划", jurisdiction=None) == {}
    assert "永胜县乡村旅游发展规划" in run("编制永胜县乡村旅游发展规划。", jurisdiction=None)


@pytest.mark.parametrize(
    "sentence",
    [
        "图为帮扶队支持的石桥村黑山羊养殖项目。",  # a village the gazetteer lacks
        "图为帮扶队支持的桃源坪村高山茶种植项目。",
    ],
)
def test_one_villages_project_is_no_programme(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_counties_project_stays_a_programme() -> None:
    found = run("图为帮扶队支持的永胜县黑山羊养殖项目。", jurisdiction=None)
    assert set(found) == {"永胜县黑山羊养殖项目"}


@pytest.mark.parametrize(
    "sentence",
    [
        "我县召开永胜—海曙东西部扶贫协作联席会议。",
        "我县召开永胜—海曙2021年度东西部扶贫协作联席会议。",  # the year is not the name's
    ],
)
def test_a_cooperation_named_by_its_partners_and_a_dash(sentence: str) -> None:
    found = run(sentence, jurisdiction=None)
    assert set(found) == {"永胜—海曙东西部扶贫协作"}
    assert found["永胜—海曙东西部扶贫协作"].area == YONGSHENG


def test_a_plan_numbered_by_digits_that_read_as_a_date() -> None:
    assert set(run("认真落实县委“125”总体谋划，团结带领全县人民。")) == {"125总体谋划"}
    assert run("参加“618”活动的商家增加。") == {}


def test_names_summed_up_by_a_count() -> None:
    found = run("全县抓住山歌擂台大比拼、一村一品两大载体，稳步推进各项工作。", jurisdiction=None)
    assert {"山歌擂台大比拼", "一村一品"} <= set(found)
    # fields of work summed up (重点, 整治) and a count that is not the list's length
    assert run("突出产业扶贫、就业扶贫两大重点。", jurisdiction=None) == {}
    assert run("抓住山歌擂台大比拼、一村一品三大载体。", jurisdiction=None) == {}


def test_a_quoted_name_under_a_motto() -> None:
    found = run("2023年，永胜县启动“千帆竞发——乡村特色产业擂台赛”，每季度举行。")
    assert set(found) == {"千帆竞发——乡村特色产业擂台赛"}
    # a clause under a motto is a slogan, whatever it ends in
    assert run("会议以“攻坚克难——坚决打赢脱贫攻坚战”为主题。") == {}


@pytest.mark.parametrize(
    "sentence",
    [
        # fields of work and kinds of project, a place's projects of a kind
        "加强教育、医疗等民生领域帮扶协作，支持光伏发电等特色产业项目。",
        "推进与永胜县重点协作项目建设。",
    ],
)
def test_fields_and_kinds_of_project_name_nothing(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "按照国家东西部扶贫协作工作部署，两地加强往来。",  # the nation's scope
        "记者从永胜县东西部扶贫协作工作推进会上获悉。",  # a place's share of it
    ],
)
def test_a_scope_or_place_before_a_national_programme_is_cut(sentence: str) -> None:
    found = run(sentence, jurisdiction=None)
    assert set(found) == {"东西部扶贫协作"}


def test_a_place_before_a_national_programme_gives_its_area() -> None:
    found = run("记者从永胜县东西部扶贫协作工作推进会上获悉。", jurisdiction=None)
    assert found["东西部扶贫协作"].area == YONGSHENG


def test_a_document_title_gives_the_campaign_it_names() -> None:
    found = run(
        "会议解读了《中共永胜县委永胜县人民政府关于实施“百村美丽、千村整洁”行动"
        "加快建设和美乡村的工作方案》。"
    )
    assert set(found) == {"百村美丽、千村整洁行动"}
    # a title naming no campaign stays the programme
    assert set(run("印发《关于强化“两联一包”责任包干工作的实施意见》。")) == {
        "关于强化两联一包责任包干工作的实施意见"
    }


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("推动驻乡帮乡扶户工作开好局。", "驻乡帮乡扶户"),  # verb–unit pairs before 工作
        ("全县选派驻乡帮乡扶户工作队进村。", "驻乡帮乡扶户"),
        ("干部来到“挂包帮、转走访”联系点座谈。", "挂包帮、转走访"),  # coined verbs, quoted
        ("持续推进脱贫群众增收三年行动。", "脱贫群众增收三年行动"),  # a group's aim in the name
    ],
)
def test_slogans_of_verbs_and_a_groups_campaign(sentence: str, name: str) -> None:
    assert name in run(sentence, jurisdiction=None)


@pytest.mark.parametrize(
    "sentence",
    [
        "要抓住“守底线、促振兴”这条主线。",  # a verb and its object: a motto
        "紧扣“监测、帮扶、增收”这条主线。",  # ordinary words
        "各乡各镇各村工作有序推进。",  # no verbs
        "干部深入乡镇村组开展工作。",
    ],
)
def test_mottos_and_lists_of_places_are_no_slogans(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "两县自去年开始签署东西部扶贫协作框架文件。",  # a verb in front of a national name
        "在教育、医疗、文旅等方面加强协作，互派干部。",  # a filler noun and a verb
        "全乡牢记使命，紧紧抓住项目建设不放松。",  # an idiom governing a generic word
        "永胜县花海乡村振兴示范区(以下简称示范区)已开工。",  # an abbreviation note
        "示范区项目的推进带动了周边群众就业。",  # a suffix alone before another suffix
    ],
)
def test_clauses_and_short_names_are_no_programmes(sentence: str) -> None:
    names = set(run(sentence, jurisdiction=None))
    for false_name in (
        "签署东西部扶贫协作",
        "方面加强协作",
        "紧紧抓住项目",
        "以下简称示范区",
        "示范区项目",
        "示范区",
    ):
        assert false_name not in names


def test_verb_in_front_of_a_national_name_is_cut_off() -> None:
    assert set(run("两县自去年开始签署东西部扶贫协作框架文件。", jurisdiction=None)) == {
        "东西部扶贫协作"
    }


def test_defined_name_before_its_abbreviation_note_stays() -> None:
    assert "永胜县花海乡村振兴示范区" in run("永胜县花海乡村振兴示范区(以下简称示范区)已开工。")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "全市深入实施「山歌传人」「巧手绣娘」「乡村厨神」三大工程。",
            ("山歌传人工程", "巧手绣娘工程", "乡村厨神工程"),
        ),
        ("推进“绿水行动”、“青山行动”两大行动。", ("绿水行动", "青山行动")),  # named whole
        ("推进“金牌农技”、“银牌电商”两项计划落地。", ()),  # not a strong suffix
    ],
)
def test_quoted_names_summed_up_by_a_count_share_its_suffix(
    sentence: str, names: tuple[str, ...]
) -> None:
    found = run(sentence, jurisdiction=None)
    for name in names:
        assert name in found, found
    assert not any(n.endswith(("行动行动", "计划计划")) for n in found)


@pytest.mark.parametrize(
    "sentence",
    [
        # a meeting adopts documents of its own business: rectifying an inspection's findings,
        # forming a body, the findings sent back, a congress's rules for its vote
        "县委常委会审议《永胜县扶贫审计问题整改落实方案》和《县整改工作专班组建方案》。",
        "会议传达了省委督导组“回头看”反馈意见。",
        "大会表决通过《永胜县第十届人民代表大会第二次会议选举办法》。",
        "印发《永胜县产业扶贫问题整改工作实施方案》。",
    ],
)
def test_documents_of_a_meetings_business_are_no_programmes(sentence: str) -> None:
    assert run(sentence) == {}


def test_a_policy_document_adopted_at_a_meeting_stays() -> None:
    found = run("县委常委会审议《永胜县产业扶贫奖补办法》和《永胜县乡村振兴规划》。")
    assert set(found) == {"永胜县产业扶贫奖补办法", "永胜县乡村振兴规划"}


@pytest.mark.parametrize(
    "sentence",
    [
        "工作队入户走访、实地考察产业项目。",  # a verb jieba files as a noun (实地|考察)
        "他们白天走村入户，实地考察产业项目。",
    ],
)
def test_a_verb_and_a_kind_of_project_name_nothing(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_trigger_split_in_two_is_cut_off() -> None:
    # jieba reads 打好 as 打|好, an adjective that would open the name
    assert set(run("各地要打好东西部扶贫协作最后一仗。", jurisdiction=None)) == {"东西部扶贫协作"}


def test_the_items_a_frame_makes_vehicles_of_the_work() -> None:
    found = run("全县以山区农户增收计划、结对共富活动和城乡统筹发展为主要抓手。", YONGSHENG)
    # items ending in a suffix are named; a field of work without one is not
    assert set(found) == {"山区农户增收计划", "结对共富活动"}
    assert found["结对共富活动"].area == YONGSHENG
    assert run("以重点项目为抓手，以城乡统筹发展为载体。", jurisdiction=None) == {}


def test_an_adverb_before_a_noun_is_a_word_of_the_name() -> None:
    found = run("永胜县深入实施困难农户全面小康计划。", jurisdiction=None)
    assert set(found) == {"困难农户全面小康计划"}  # 全面 modifies 小康, it governs nothing


@pytest.mark.parametrize(
    ("sentence", "not_a_programme"),
    [
        # one firm's or one line of business's investment, not a programme
        ("园区加快蓝湖果酱工厂项目开工，同步推进竹炭产业项目。", "蓝湖果酱工厂项目"),
        ("园区加快蓝湖果酱工厂项目开工，同步推进竹炭产业项目。", "竹炭产业项目"),
        # a document for assessing the work: 考核 is a purpose that makes the title a document
        ("印发了《永胜县2021年脱贫成效考核实施方案》。", "永胜县2021年脱贫成效考核实施方案"),
        # a count of rules
        ("制定了《驻村干部五项考勤制度》。", "驻村干部五项考勤制度"),
        # the levels whose key works they are
        ("统筹推进省级帮扶重点工程。", "省级帮扶重点工程"),
        # a demonstration plot named by its size
        ("建成上坪村“千亩高山茶叶”示范区。", "千亩高山茶叶示范区"),
    ],
)
def test_investments_documents_rules_and_plots_are_not_programmes(
    sentence: str, not_a_programme: str
) -> None:
    assert not_a_programme not in run(sentence)


def test_named_programmes_next_to_those_classes_stay() -> None:
    found = run("实施“百亩千斤”工程，推进永胜县易地扶贫搬迁工程，印发《永胜县产业扶贫实施方案》。")
    assert {"百亩千斤工程", "永胜县易地扶贫搬迁工程", "永胜县产业扶贫实施方案"} <= set(found)


def test_field_of_work_with_a_suffix_is_no_programme() -> None:
    found = run(
        "镇里拿出6万元用于医疗救助项目，开工建设覆盖5个村的农田水利治理工程，"
        "同时实施人才回归工程和石漠坡治理工程。"
    )
    assert "医疗救助项目" not in found
    assert "农田水利治理工程" not in found
    assert "人才回归工程" in found  # a coined name of the work
    assert "石漠坡治理工程" in found  # named by its object, not by a field


def test_subsidy_scheme_is_keyed_by_its_quoted_name() -> None:
    found = run("今年完成“一事一议”农业财政奖补项目7个。")
    assert "一事一议农业财政奖补项目" not in found
    assert "一事一议" in found
    assert "一事一议财政奖补项目" not in run("积极申报一事一议财政奖补项目，改善村容村貌。")


def test_document_cited_as_authority_is_no_programme() -> None:
    cited = run(
        "按照省农业农村厅下发的《关于加快推进庭院经济发展的实施意见》的要求，各村制定了方案。"
    )
    assert not any(name.startswith("关于") for name in cited)
    adopted = run("会议审议通过了《关于加快推进庭院经济发展的实施意见》。")
    assert "关于加快推进庭院经济发展的实施意见" in adopted


def test_documents_cited_together_as_authority_are_no_programmes() -> None:
    # the cue opens the clause, the titles are listed, the last carries 的要求
    cited = run(
        "根据《红岭县脱贫成效核查办法》、《红岭县2020年度贫困村出列验收暨返贫监测工作方案》"
        "和《红岭县2020年度易地扶贫搬迁实施方案》的要求，全县开展了核查。",
        jurisdiction=None,
    )
    assert cited == {}
    # a decision cited by its number, followed by no 的要求
    decided = run("根据县人大常委会2号文件《关于青石乡设立青石镇的决定》，撤乡设镇。")
    assert decided == {}
    # the same plan adopted by the article's own body stays a programme
    adopted = run("会议审议通过了《红岭县2020年度易地扶贫搬迁实施方案》。", jurisdiction=None)
    assert set(adopted) == {"红岭县2020年度易地扶贫搬迁实施方案"}


def test_a_plan_for_an_exit_assessment_is_no_programme() -> None:
    found = run(
        "县里印发了《红岭县贫困村出列验收工作方案》和《红岭县出列验收暨动态管理工作方案》。",
        jurisdiction=None,
    )
    assert found == {}


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # an opinion on one matter: 关于…的 and the bare word
        ("市里出台《关于健全防止返贫监测帮扶机制的意见》，加强监测。", None),
        ("县人大常委会作出《关于青石乡更名为青石镇有关事项的决定》。", None),
        # one that carries out a policy or counts its articles is a programme (the gold's usage)
        ("市里出台《关于健全返贫监测机制的实施意见》。", "关于健全返贫监测机制的实施意见"),
        ("市里出台《关于巩固拓展脱贫成果的十条意见》。", "关于巩固拓展脱贫成果的十条意见"),
    ],
)
def test_an_opinion_or_decision_on_one_matter_is_no_programme(
    sentence: str, kept: str | None
) -> None:
    found = run(sentence, jurisdiction=None)
    assert set(found) == ({kept} if kept else set())


def test_a_place_and_a_field_of_work_name_no_programme() -> None:
    found = run("代表们参观了永胜县光伏扶贫项目、丽江市电商扶贫项目和永胜县人才回归工程。")
    assert "永胜县光伏扶贫项目" not in found
    assert "丽江市电商扶贫项目" not in found
    assert "永胜县人才回归工程" in found  # a coined name after the place stays


def test_a_field_of_work_alone_after_a_verb_is_no_campaign() -> None:
    found = run("今年以产业项目、危房改造、技能培训等为主体，持续推进厕所革命。", jurisdiction=None)
    assert set(found) == {"厕所革命"}


def test_a_clause_about_projects_is_no_programme() -> None:
    # someone's office, a verb jieba tags as a noun, then 项目: people discussing projects
    found = run("上午不断有人来到王平办公室商量项目申请，还有人来谋划项目。", jurisdiction=None)
    assert found == {}


@pytest.mark.parametrize(
    "sentence",
    [
        # a sector of the economy or a stage of processing before 项目 (GB/T 4754's names)
        "今年全镇签约的制造业项目占比过半，深加工项目陆续开工。",
        "自治区共落实农牧业项目和配套资金若干。",
        # a verb of launching projects, jieba's 新|上, is no word of a name
        "帮助扶贫车间、新上扶贫项目解决用工难题。",
        # a trigger used as a noun, then 或: the conjunction begins no name
        "全市实施乡村公路建设或硬化项目，里程逐年增加。",
    ],
)
def test_a_kind_of_project_is_no_programme(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_firms_attraction_quoted_is_no_programme() -> None:
    found = run("合作社与企业合建“青山花海”花卉观赏园项目，带动农户增收。", jurisdiction=None)
    assert found == {}


def test_a_slogan_of_verb_phrases_is_no_programme() -> None:
    found = run("全县形成「上下协同抓服务、干部下沉引项目」的工作局面。", jurisdiction=None)
    assert found == {}


def test_a_trigger_and_its_complement_govern_the_campaign() -> None:
    # 落实|好: the complement is the verb's, the campaign begins after it
    found = run("各乡镇要落实好农村产业革命，抓实东西部扶贫协作。", jurisdiction=None)
    assert set(found) == {"农村产业革命", "东西部扶贫协作"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a count of divisions inside a name: the number does not end it
        ("去年，该省进一步启动西部8市县农民增收计划，确保增速。", "西部8市县农民增收计划"),
        # a version number inside a name
        ("今年全市继续推进消费帮扶3.0版提升工程，成效明显。", "消费帮扶3.0版提升工程"),
    ],
)
def test_a_number_inside_a_name_does_not_end_it(sentence: str, name: str) -> None:
    assert name in run(sentence, jurisdiction=None)


def test_a_year_before_a_name_is_no_word_of_it() -> None:
    found = run("区长介绍了本区2019年度东西部扶贫协作和结对帮扶工作。", jurisdiction=None)
    assert not any("2019" in name for name in found)


@pytest.mark.parametrize(
    "sentence",
    [
        # a quoted dictionary noun after a trigger: a figure of speech, no coined name
        "各村要抓好“试验田”工作，带动周边村发展。",
        # one site built for a line of business, quoted or not
        "该村采取“企业+农户”形式开展黑木耳种植示范基地项目建设。",
        # a town built as one development: a place, not a programme
        "副省长先后来到“光伏小镇”项目、产业园和农户家中调研。",
        # a quote of work on land only, then a bare suffix: a kind of work
        "东岭村继续做好“复垦”项目的后续工作。",
        # the verb before the campaign word ends the name; 整改 alone names no programme
        "县指挥部立即召集各组组长部署整改行动。",
        # a plan cited to date the year, not a programme of the article's
        "今年是《乡村振兴战略规划(2018-2022年)》的收官之年。",
    ],
)
def test_kinds_of_work_sites_and_cited_plans_are_no_programmes(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_plan_the_area_draws_up_stays_with_its_years() -> None:
    assert "乡村振兴战略规划" in run("县里编制了《乡村振兴战略规划(2018-2022年)》。", None)


def test_a_named_rectification_campaign_stays() -> None:
    assert "清风专项整改行动" in run("全省部署“清风”专项整改行动。", jurisdiction=None)


def test_a_long_standing_provincial_programme_is_read_without_quotes() -> None:
    found = run("全县实施完成造福工程易地扶贫搬迁3062户。", jurisdiction=None)
    assert "造福工程" in found


@pytest.mark.parametrize(
    "sentence",
    [
        # a question debated at a meeting, quoted, is its topic
        "“怎样打好产业振兴攻坚战”成为座谈会上代表们讨论的焦点。",
        # the fight against an outbreak of one date
        "全镇先后打赢“3·08”“10·25”防汛抢险攻坚战。",
        # 革命 with no sector before it: a revolutionary base area
        "我们要打造革命老区振兴发展的新样板。",
        # projects of a national policy in general
        "市里在对口地区建设乡村振兴项目，带动群众增收。",
        # 项目 as the object of a verb of doing, then another verb or a method
        "各级干部围绕项目转，大力推行项目工作法。",
        # 围绕 a quoted topic: what the work turns on, no programme
        "全县紧紧围绕“一江两岸三谷”特色资源，发展乡村旅游。",
    ],
)
def test_topics_dated_events_and_projects_as_objects_are_no_programmes(sentence: str) -> None:
    assert run(sentence, jurisdiction=None) == {}


def test_a_sector_revolution_after_a_trigger_stays() -> None:
    assert "农村产业革命" in run("全县深入推进农村产业革命,调整种植结构。", jurisdiction=None)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # numerals inside a quoted name, then the model village it holds up
        ("该村入选全省“一十百”工程示范村。", "一十百工程"),
        # a quoted campaign coined of three verbs and their objects, before 等活动
        ("全县开展“兴产业促就业助增收”等活动。", "兴产业促就业助增收"),
        # a quoted 会战, the name of a drive
        ("全区扎实开展“园区大会战”，完成投资8亿元。", "园区大会战"),
    ],
)
def test_numbered_quoted_and_coined_campaigns_are_read(sentence: str, name: str) -> None:
    assert name in run(sentence, jurisdiction=None)


def test_a_cooperation_named_by_two_places_of_one_level_written_together() -> None:
    guangxi = Division("广西壮族自治区", Level.PROVINCE, "450000", ("广西",))
    first = Division("甲山市", Level.PREFECTURE, "450100", ("甲山",), guangxi)
    second = Division("乙水市", Level.PREFECTURE, "450200", ("乙水",), guangxi)
    names = {"甲山": first, "乙水": second, "甲山市": first, "广西": guangxi}

    def found(text: str) -> set[str]:
        doc = Document.from_text(text)
        return {p.name for p in programmes.extract(doc, places_in(doc, names), first)}

    assert "甲山乙水扶贫协作" in found("今年将打造甲山乙水扶贫协作新模式。")
    # a place written with its province is one partner, not two
    assert found("广西甲山市扶贫协作取得成效。") == set()


@pytest.mark.parametrize(
    "text", ["两县签订了《携手奔小康行动合作协议》。", "两县深入开展携手奔小康行动。"]
)
def test_the_eastern_and_western_pairing_campaign_by_its_name(text: str) -> None:
    assert "携手奔小康行动" in run(text)


def test_a_quoted_count_inside_a_documents_title_is_not_cut_to_a_document() -> None:
    found = run("会议审议了《永胜县产业振兴“六大”专项行动实施方案（送审稿）》。")
    assert not [name for name in found if name.endswith("实施方案")]
    assert "1+N实施方案" in run("全县制定了“1+N”实施方案。")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("山区以生态建设项目为重点，抓好封育管护。", "生态建设项目"),
        ("全乡完成道路硬化等基础设施和公共服务设施建设项目。", "公共服务设施建设项目"),
        ("目前，安全饮水工程提前通水。", "安全饮水工程"),
        ("倡议社会各界共同参与各项扶贫公益项目。", "扶贫公益项目"),
        ("重点抓好永胜河谷香米国家优势特色产业集群项目建设。", "产业集群项目"),
    ],
)
def test_a_project_of_a_sector_or_a_kind_of_work_is_no_programme(text: str, kind: str) -> None:
    assert not [name for name in run(text) if name.endswith(kind)]


def test_the_manner_of_a_cooperation_quoted_is_no_programme() -> None:
    assert run("两地推动“输血式”帮扶向“造血式”协作加速迈进。") == {}


def test_the_kind_of_a_model_quoted_is_no_programme() -> None:
    # …型 names a kind of model a site shows, not a model of the document's own
    assert run("代表们参观了扶贫车间“务工增收型”模式示范点和“园区带动型”模式基地。") == {}
    assert "公司+合作社+农户模式" in run("全县推广“公司+合作社+农户”模式。")


def test_the_national_campaign_by_its_generic_name_is_no_programme() -> None:
    assert run("报告中，“脱贫攻坚战”被放在首位。") == {}
    found = run("今年市委制定出台了《关于打赢脱贫攻坚战的实施意见》。")
    assert found == {}
    # a plan of the campaign has a name of its own
    assert "脱贫攻坚战三年行动计划" in run("全市实施打赢脱贫攻坚战三年行动计划。")


def test_a_part_of_a_designated_zone_and_its_pilot_tasks_are_no_programme() -> None:
    assert run("自贸试验区永胜片区试点任务已完成八成。") == {}


def test_two_places_joined_by_a_conjunction_before_a_cooperation_are_no_name() -> None:
    assert run("推动丽江与永胜对口协作向更高水平迈进。") == {}


def test_a_quoted_slogan_its_short_name_abbreviates_by_initials_is_a_campaign() -> None:
    found = run("他是全省“走村情、解民忧、暖人心”(简称“走解暖”)活动的一员。")
    assert "走村情、解民忧、暖人心" in found
    # a short name of other characters is a note on something else
    assert run("开展“走村情、解民忧、暖人心”(简称“三走”)调研。") == {}


@pytest.mark.parametrize(
    "text",
    [
        "全县扎实推进高山蔬菜保供项目,带动农户增收。",
        "镇里积极实施庭院微田园提质项目,户均增收三千元。",
        "去年启动的林果深加工示范项目已经投产。",
    ],
)
def test_an_unquoted_project_without_a_second_sign_is_no_programme(text: str) -> None:
    assert run(text) == {}


def test_an_unquoted_project_with_a_second_sign_is_a_programme() -> None:
    # its owner named in it, or a short name the text gives it
    assert "永胜县高山蔬菜保供项目" in run("全市扎实推进永胜县高山蔬菜保供项目,带动农户增收。")
    found = run("全县实施高山蔬菜保供项目(以下简称保供项目),带动农户增收。")
    assert "高山蔬菜保供项目" in found
    # a place the article names, written without its level word
    assert "永胜高山蔬菜保供项目" in run("永胜县今年实施永胜高山蔬菜保供项目。")


def test_a_quote_before_a_project_names_a_programme_only_when_it_is_one() -> None:
    assert run("“彩云花海”观光项目于今年三月开工建设。") == {}
    found = run("“金沙江协作产业园”观光项目于今年三月开工建设。")
    assert "金沙江协作产业园观光项目" in found
    # a village's name quoted, the gazetteer's or not, is the project's owner
    assert "彩云村旅游开发项目" in run("“彩云村”旅游开发项目于今年三月开工建设。")
    # right before the suffix, the quote is the project's whole name
    assert run("“彩云花海观光园”项目于今年三月开工建设。") != {}
