"""Leaders the batch r12 brought (issue 14), in invented sentences: a banner's leaders written
with the bare level word, a name after a verb of heeding its holder's words, and a province's
department written without the province."""

from __future__ import annotations

from kg.extract import people
from kg.extract.facts import Division, Level, Person
from kg.text.document import Document
from tests.places_stub import places_in
from tests.test_people import NAMES, YONGSHENG, YUNNAN, posts, run

NEIMENGGU = Division("内蒙古自治区", Level.PROVINCE, "150000", ("内蒙古",))
HULUN = Division("白云市", Level.PREFECTURE, None, ("白云",), NEIMENGGU)
GREEN_BANNER = Division("青草旗", Level.COUNTY, None, ("青草",), HULUN)


def run_in_banner(text: str) -> dict[str, Person]:
    doc = Document.from_text(text)
    names = {**NAMES, "青草旗": GREEN_BANNER, "白云市": HULUN}
    return {p.name: p for p in people.extract(doc, places_in(doc, names), GREEN_BANNER)}


def test_a_banners_leaders_by_the_bare_level_word() -> None:
    found = run_in_banner(
        "督查组来到青草旗召开汇报会。旗委副书记、政府旗长高建军，政府副旗长马丽、包文出席。"
    )
    secretary, head = found["高建军"].posts
    assert (secretary.role_span.written, secretary.organisation.name) == ("副书记", "中共青草旗委")
    assert head.role_span.written == "旗长" and head.organisation.division == GREEN_BANNER
    assert posts(found["马丽"]) == [("副旗长", "青草旗人民政府")]
    assert posts(found["包文"]) == [("副旗长", "青草旗人民政府")]


def test_a_name_after_a_verb_of_heeding_its_holders_words() -> None:
    found = run("会议要求，认真学习赵明远副省长调研时的讲话精神。", YONGSHENG)
    assert posts(found["赵明远"]) == [("副省长", "云南省人民政府")]


def test_a_provinces_department_written_bare() -> None:
    found = run("“全省规模最大！”农业农村厅厅长李振华透露。", YONGSHENG)
    assert posts(found["李振华"]) == [("厅长", "云南省农业农村厅")]
    assert found["李振华"].posts[0].organisation.division == YUNNAN


def test_a_chain_goes_on_through_a_nominee_mark() -> None:
    found = run("市人大常委会副主任、市政府党组成员、提名副市长高文山作了发布。", YONGSHENG)
    assert [role for role, _ in posts(found["高文山"])] == ["副主任", "党组成员", "副市长"]
    assert posts(found["高文山"])[0] == ("副主任", "丽江市人大常委会")


def test_a_democratic_partys_committee_after_its_province() -> None:
    found = run("省政协副主席、九三学社云南省委主委周海林带领调研组来到永胜。", YONGSHENG)
    assert posts(found["周海林"]) == [
        ("副主席", "政协云南省委员会"),
        ("主委", "九三学社云南省委员会"),
    ]


def test_a_village_secretary_named_by_a_copula() -> None:
    found = run("张书元是永胜县东山乡新华村党支部书记兼村委会主任，带领村民种核桃。", YONGSHENG)
    assert [role for role, _ in posts(found["张书元"])] == ["党支部书记", "村委会主任"]


def test_posts_that_qualify_a_noun_after_a_copula_are_not_the_persons() -> None:
    found = run("李明是新华村党支部书记的妻子，也是合作社的社员。", YONGSHENG)
    assert all(not person.posts for person in found.values())


def test_a_villages_name_holds_the_secretarys_village_word() -> None:
    found = run(
        "新华村党支部书记杨文军说，该村党支部书记、村委会主任不能一个人说了算。"
        "随后，村党支部书记王小五、新华村委会主任李强也发了言。",
        YONGSHENG,
    )
    assert posts(found["杨文军"]) == [("党支部书记", "中共新华村支部委员会")]
    assert posts(found["王小五"])[0][0] == "村党支部书记"
    assert posts(found["李强"]) == [("村委会主任", "新华村村民委员会")]


def test_this_villages_secretary() -> None:
    found = run("走进新华村，该村党支部书记、村委会主任刘天明说，路通了。", YONGSHENG)
    assert [role for role, _ in posts(found["刘天明"])] == ["党支部书记", "村委会主任"]
