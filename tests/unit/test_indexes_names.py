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


def _build_hard_cases():
    """Spans jieba proposes that stop short of, or run past, the real name."""
    book = volume({
        "大事记": {"12月": [
            entry("12月10日", "10日市档案局与河西区签订合作协议。"),
            entry("12月12日", "总队长石平年调研河西区统计工作。教授沙米尔·卡汉作主题演讲。"),
            entry("12月15日", "书记张旭等参加。中铁建设有限公司天津河西区分公司开业。"),
        ]},
        "概况": {None: [entry("区情", "河西区是天津市中心城区之一，优化城市空间布局。天津市档案局局长王伟出席。")]},
    })
    return names.build(targets([book]), [], [])


def _orgs_of(built):
    return {h.title for h in built[names.KIND_ORG]}


def test_a_body_name_does_not_start_with_the_day_of_a_date():
    orgs = _orgs_of(_build_hard_cases())
    assert "日市档案局" not in orgs  # 10日 + 市档案局
    assert "天津市档案局" in orgs  # the same body word after a real place name stays


def test_a_span_that_runs_on_into_a_longer_noun_phrase_is_not_a_body():
    assert "天津市中心" not in _orgs_of(_build_hard_cases())  # 天津市中心城区


def test_a_branch_is_not_indexed_without_its_companys_name():
    assert "天津河西区分公司" not in _orgs_of(_build_hard_cases())


def test_a_span_inside_a_longer_word_is_not_used_whole():
    tagger = names._tagger()
    assert not names._whole_somewhere(tagger, "津财经大学", ["天津财经大学专家参加座谈。"])
    assert names._whole_somewhere(tagger, "天津财经大学", ["天津财经大学专家参加座谈。"])


def test_a_body_followed_by_its_officer_is_used_whole():
    tagger = names._tagger()
    assert names._whole_somewhere(tagger, "天津市民政局", ["天津市民政局局长王伟出席。"])


def test_a_name_jieba_cut_short_before_a_verb_is_extended():
    people = {h.title for h in _build_hard_cases()[names.KIND_PERSON]}
    assert "石平年" in people and "石平" not in people


def test_a_transliterated_name_keeps_the_part_after_its_middle_dot():
    people = {h.title for h in _build_hard_cases()[names.KIND_PERSON]}
    assert "沙米尔·卡汉" in people and "沙米尔" not in people


def test_a_name_followed_by_a_particle_is_left_alone():
    people = {h.title for h in _build_hard_cases()[names.KIND_PERSON]}
    assert "张旭" in people and "王伟" in people


def test_a_common_noun_ending_in_ju_is_not_a_bureau():
    assert not any(o.endswith("布局") for o in _orgs_of(_build_hard_cases()))  # layout, not a 局
