"""Name indexes: jieba candidates confirmed by the book's own signals."""
from build_scripts.indexes import names
from build_scripts.indexes.locators import targets

from _book import entry, volume


def _build():
    book = volume({
        "大事记": {"1月": [
            entry("1月6日", "区委书记李学义，区委副书记、区长胡学明出席。区领导黄孝喜、宗燕锋参加。"),
            entry("1月9日", "李学义强调，要做好养老服务。河西区民政局开展走访，南开大学专家参加。"),
        ]},
        "街道和社区建设": {"东海街道": [entry("概况", "东海街道位于区东部。东海街辖区有港云里社区。", ())]},
        "人物": {None: [entry("事迹", "孙长亭，男，汉族，天津人。")]},
    })
    titles = ["东海街道", "河西区总工会", "部分优秀社区"]
    lines = ["港云里社区", "部分优秀社区"]
    return names.build(targets([book]), titles, lines)


def test_a_name_after_an_office_or_in_a_list_of_leaders_is_a_person():
    people = {h.title for h in _build()[names.KIND_PERSON]}
    assert {"李学义", "胡学明", "黄孝喜", "宗燕锋"} <= people


def test_a_name_opening_a_biography_is_a_person():
    assert "孙长亭" in {h.title for h in _build()[names.KIND_PERSON]}


def test_a_person_points_to_every_entry_mentioning_them():
    people = {h.title: h for h in _build()[names.KIND_PERSON]}
    assert len(people["李学义"].locators) == 2


def test_common_words_are_not_people():
    people = {h.title for h in _build()[names.KIND_PERSON]}
    assert "养老" not in people and "强调" not in people


def test_bodies_come_from_the_books_headings_and_tagged_names():
    orgs = {h.title for h in _build()[names.KIND_ORG]}
    assert "河西区民政局" in orgs and "南开大学" in orgs


def test_listed_streets_and_communities_are_places_with_their_short_forms():
    places = {h.title for h in _build()[names.KIND_PLACE]}
    assert {"东海街道", "东海街", "港云里社区"} <= places
    assert "部分优秀社区" not in places  # a kind of 社区, not one


def test_a_names_locators_say_which_chapter_and_entry():
    people = {h.title: h for h in _build()[names.KIND_PERSON]}
    assert [l.label for l in people["李学义"].locators] == ["1月 › 1月6日", "1月 › 1月9日"]
