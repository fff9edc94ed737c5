"""Name indexes (人名/机构/地名索引), rule by rule: which names the book's own
signals confirm as headings, and which candidates jieba proposes that must
stay out. Each case is a sentence shaped like the yearbook's own (a leader at
a site visit, a list of bodies, a recruitment notice) and names the rule it
pins. The tests read only what `names.build` returns: the headings of each
index, their kind and their places."""
from build_scripts.indexes import names
from build_scripts.indexes.locators import targets

from _book import entry, volume


def _built(texts: list[str], titles=(), lines=()):
    book = volume({"大事记": {"1月": [entry(f"1月{i + 1}日", t) for i, t in enumerate(texts)]}})
    return names.build(targets([book]), list(titles), list(lines))


def _titles(texts, titles=(), lines=()) -> dict[str, set[str]]:
    return {kind: {h.title for h in headings} for kind, headings in _built(texts, titles, lines).items()}


# --- people (人名) -------------------------------------------------------------

def test_only_names_an_office_or_a_confirmed_list_vouches_for_are_people():
    # 卫津路 and 陈塘庄 are a road and a village jieba tags as names; 陈塘庄 even
    # stands after 、, but the list was not opened by a confirmed name.
    people = _titles(["区长胡学明到卫津路、陈塘庄检查。"])[names.KIND_PERSON]
    assert people == {"胡学明"}


def test_a_four_character_idiom_after_an_office_word_is_not_a_person():
    # jieba's dictionary tags thousands of four-character idioms nr (严以律己).
    people = _titles(["区委书记李学义要求各级领导严以律己。"])[names.KIND_PERSON]
    assert people == {"李学义"}


def test_a_biography_shaped_line_whose_head_is_a_common_word_is_not_a_person():
    # 性别，男， has the shape of 孙长亭，男， but 性别 is a dictionary noun.
    people = _titles(["招聘条件如下。性别，男，年龄35岁以下。", "孙长亭，男，汉族，天津人。"])[names.KIND_PERSON]
    assert people == {"孙长亭"}


def test_a_name_cut_short_is_made_whole_at_the_very_end_of_its_clause():
    # The verb ends the clause: 石平 + 年 + 调研 with nothing after it.
    people = _titles(["总队长石平年调研。"])[names.KIND_PERSON]
    assert people == {"石平年"}


def test_a_transliterated_name_ending_its_clause_keeps_the_part_after_the_dot():
    people = _titles(["会上，教授沙米尔·卡汉。"])[names.KIND_PERSON]
    assert people == {"沙米尔·卡汉"}


# --- bodies (机构) -------------------------------------------------------------

def test_a_proper_name_and_a_two_character_body_word_make_a_body():
    assert _titles(["河西区政府召开常务会议。"])[names.KIND_ORG] == {"河西区政府"}


def test_a_two_character_place_and_a_body_word_make_a_four_character_body():
    assert _titles(["天津银行开展金融知识宣传。"])[names.KIND_ORG] == {"天津银行"}


def test_a_body_in_a_list_after_a_comma_of_enumeration_keeps_its_place_name():
    orgs = _titles(["区卫健委、河西区民政局参加。"])[names.KIND_ORG]
    assert orgs == {"河西区民政局"}


def test_a_body_after_a_common_word_ending_in_ju_is_still_found():
    # 布局 (layout) is skipped as a body word; the 民政局 after it is not lost.
    orgs = _titles(["按照全区养老服务布局由河西区民政局统筹。"])[names.KIND_ORG]
    assert orgs == {"河西区民政局"}


def test_a_body_name_stops_at_the_body_word_not_at_the_next_noun():
    orgs = _titles(["区长胡学明带领河西区民政局工作人员走访。"])[names.KIND_ORG]
    assert orgs == {"河西区民政局"}


def test_a_conjunction_jieba_tags_as_a_body_is_not_part_of_the_name():
    # 暨 (and) before 天津市民政局 is tagged nt, one character: not a name part.
    orgs = _titles(["召开庆祝大会暨天津市民政局表彰会。", "天津市民政局开展走访。"])[names.KIND_ORG]
    assert orgs == {"天津市民政局"}


def test_a_bare_body_word_is_no_body_of_its_own():
    # 服务中心 with no proper name before it, and 民政局 after the level word 区.
    orgs = _titles(["各社区党群服务中心开放。", "区民政局开展走访。"])[names.KIND_ORG]
    assert orgs == set()


def test_a_body_whose_name_starts_with_a_date_character_is_kept_without_a_date():
    # 日照 starts with 日; only after a number is 日 the end of a date.
    orgs = _titles(["日照市人民政府与河西区签订合作协议。"])[names.KIND_ORG]
    assert orgs == {"日照市人民政府"}


def test_a_body_followed_by_a_verb_or_its_staff_is_used_whole():
    # 政府 is a bare body word, but a verb follows; 公安局 is three characters
    # long, so the noun 民警 after it does not make it a longer phrase.
    assert _titles(["河西区政府召开常务会议。"])[names.KIND_ORG] == {"河西区政府"}
    assert _titles(["河西区公安局民警走访。"])[names.KIND_ORG] == {"河西区公安局"}


def test_a_body_name_ending_inside_a_longer_word_is_no_body():
    # 天津 + 大学生 (university students), 天津 + 银行卡 (bank cards).
    assert _titles(["天津大学生志愿者参加。", "天津银行卡业务增长。"])[names.KIND_ORG] == set()


def test_a_bare_body_word_running_on_into_a_named_unit_is_no_body():
    # 天津市 + 学校 + 国旗护卫队 (tagged nt): the unit of the school, not 天津市学校.
    assert "天津市学校" not in _titles(["天津市学校国旗护卫队参加升旗仪式。"])[names.KIND_ORG]


def test_a_single_proper_character_before_a_span_is_part_of_the_schools_name():
    # 藏 + 巴哇学校: jieba split the name; 巴哇学校 alone is no body.
    assert "巴哇学校" not in _titles(["区长胡学明到甘肃省卓尼县藏巴哇学校，看望师生。"])[names.KIND_ORG]


def test_a_branch_after_a_two_character_body_word_is_not_a_body_of_its_own():
    # 中铁集团 + 天津分公司: the branch is named with its group.
    assert "天津分公司" not in _titles(["中铁集团天津分公司开业。"])[names.KIND_ORG]


def test_a_four_character_heading_naming_a_body_is_a_body():
    orgs = _titles(["区司法局开展普法宣传。"], titles=["区司法局"])[names.KIND_ORG]
    assert "区司法局" in orgs


# --- places (地名) -------------------------------------------------------------

def test_tagged_places_are_those_jieba_knows_or_that_end_in_a_place_word():
    places = _titles(["区长胡学明赴兰州和甘肃省天水市考察。", "书记李学义到新区和友谊路调研。"])[names.KIND_PLACE]
    # 兰州 is a dictionary place (州 is an administrative end); 友谊路 ends in 路;
    # 新区 (new district) is nothing but a place word.
    assert places == {"兰州", "甘肃省", "天水市", "友谊路"}


def test_a_place_jieba_does_not_know_is_kept_when_it_ends_in_a_place_word():
    # 天湾园: not in jieba's dictionary, tagged ns by its HMM, ends in 园.
    assert _titles(["书记李学义到天湾园调研。"])[names.KIND_PLACE] == {"天湾园"}


def test_a_person_whose_name_ends_in_a_place_word_is_no_place():
    # 王德道 (tagged nr, unknown to the dictionary) ends in 道 like a road.
    assert _titles(["区长胡学明与王德道座谈。"])[names.KIND_PLACE] == set()


def test_a_place_ending_in_an_administrative_word_outside_the_place_words_is_kept():
    assert _titles(["区长胡学明到达拉特旗检查。"])[names.KIND_PLACE] == {"达拉特旗"}


def test_a_bare_place_counts_only_when_the_book_writes_it_with_its_level_too():
    assert _titles(["区长胡学明赴天津学习。"])[names.KIND_PLACE] == set()
    places = _titles(["区长胡学明赴甘肃学习。", "书记李学义到甘肃省考察。"])[names.KIND_PLACE]
    assert places == {"甘肃", "甘肃省"}


def test_a_common_word_jieba_tags_as_a_place_is_skipped_and_the_places_after_it_kept():
    # 大都市 (metropolis) is a dictionary place word ending in 都市.
    places = _titles(["区长胡学明与国际化大都市和杭州交流。"])[names.KIND_PLACE]
    assert places == {"杭州"}


def test_a_listed_community_described_by_an_activity_is_not_a_place():
    # 管理 (vn), 创新 (v), 三个 (m), 最美 (a), 非常 (d) describe a 社区, not name one.
    text = "港云里社区开展活动，管理社区、创新社区、三个社区、最美社区、非常社区评选揭晓。"
    places = _titles([text], lines=["港云里社区", "管理社区", "创新社区", "三个社区", "最美社区", "非常社区"])
    assert places[names.KIND_PLACE] == {"港云里社区"}


# --- what every heading carries ----------------------------------------------

def test_each_heading_says_which_index_it_belongs_to():
    built = _built(["区长胡学明到河西区民政局和友谊路调研。"])
    kinds = {kind: {h.kind for h in headings} for kind, headings in built.items()}
    assert kinds == {names.KIND_PERSON: {"人名"}, names.KIND_ORG: {"机构"}, names.KIND_PLACE: {"地名"}}
    assert all(h.as_dict()["kind"] == kind for kind, headings in built.items() for h in headings)
