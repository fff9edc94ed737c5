"""Each volume's name candidates kept for the next build (names.CandidateMemo,
cache.Cache.load_kept("names")): a rebuild after one volume changed reads
only that volume again and gives the name indexes a cold build gives; the
tags and dictionary answers it keeps for the build after are a cold build's."""
from __future__ import annotations

from build_scripts.indexes import names
from build_scripts.indexes.locators import targets
from build_scripts.indexes.tagging import KeptLookups, Tagger, load_posseg

from _book import entry, volume

TITLES = ["东海街道", "河西区总工会"]
LINES = ["港云里社区"]


def _volumes(report: str):
    town = volume({
        "大事记": {"1月": [
            entry("1月6日", "区委书记李学义，区委副书记、区长胡学明出席。区领导黄孝喜、宗燕锋参加。"),
            entry("1月9日", "河西区民政局开展走访，南开大学专家参加。"),
        ]},
        "街道和社区建设": {"东海街道": [entry("概况", "东海街道位于区东部。东海街辖区有港云里社区。")]},
    })
    papers = volume({"工作总结": {None: [entry("一、主要工作", report)]}}, vid="papers", title="工作文献")
    return [town, papers]


def _names(volumes, memo, known_tags=None, kept_lookups=None):
    lookups = KeptLookups(kept_lookups or {}, lambda: load_posseg().dt.word_tag_tab)
    tagger = Tagger(known_tags, processes=1, dictionary=lookups)
    built = names.build(targets(volumes), TITLES, LINES, tagger, memo)
    return {kind: [h.as_dict() for h in headings] for kind, headings in built.items()}, tagger, lookups


def test_a_rebuild_reads_only_the_changed_volume_and_names_as_a_cold_build(monkeypatch):
    first = names.CandidateMemo()
    _, tagger, lookups = _names(_volumes("局长王伟主持召开工作会议。"), first)
    assert len(first.memo) == 2
    changed = _volumes("局长王伟主持召开工作会议，天津市城市管理委员会副主任张强出席。")
    cold, cold_tagger, cold_lookups = _names(changed, names.CandidateMemo())

    read = []
    original = names._Reading
    monkeypatch.setattr(names, "_Reading", lambda texts, *a: read.append(texts) or original(texts, *a))
    again = names.CandidateMemo(first.memo)
    rebuilt, rebuilt_tagger, rebuilt_lookups = _names(changed, again, dict(tagger.memo), dict(lookups.asked))
    assert rebuilt == cold
    assert {h["heading"] for h in cold[names.KIND_PERSON]} >= {"李学义", "王伟", "张强"}
    assert len(read) == 1 and "张强" in read[0][0], "the unchanged volume was read again"
    # what the next build keeps: every stretch's tags, every answer the rules got
    assert rebuilt_tagger.memo == cold_tagger.memo
    assert rebuilt_lookups.asked == cold_lookups.asked
    assert again.memo.keys() != first.memo.keys() and len(again.memo) == 2


def test_candidates_are_kept_under_their_volume_s_text_only():
    memo = names.CandidateMemo()
    _names(_volumes("局长王伟主持召开工作会议。"), memo)
    renamed = _volumes("局长王伟主持召开工作会议。")
    renamed[1].parts[0].title = "工作报告"  # where the entries are does not change what they say
    again = names.CandidateMemo(memo.memo)
    _names(renamed, again)
    assert again.memo.keys() == memo.memo.keys()
    assert names.CandidateMemo.key(["甲\n乙"]) != names.CandidateMemo.key(["甲", "乙"])


def test_a_changed_volume_reads_only_its_new_stretches_and_names_as_a_cold_build(monkeypatch):
    text = "区委书记李学义出席会议。区长胡学明主持，河西区民政局参加。局长王伟讲话。"
    first = names.CandidateMemo()
    _, tagger, lookups = _names(_volumes(text), first)
    changed = _volumes(text + "天津市城市管理委员会副主任张强出席。")
    cold, cold_tagger, cold_lookups = _names(changed, names.CandidateMemo())
    cold_candidates = names.CandidateMemo()
    _names(changed, cold_candidates)

    read = []
    original = names._Reading.read
    monkeypatch.setattr(names._Reading, "read", lambda self, s: read.append(s) or original(self, s))
    cut = []
    again = names.CandidateMemo(first.memo)
    real_cut = Tagger.cut
    monkeypatch.setattr(Tagger, "cut", lambda self, s: cut.append(s) or real_cut(self, s))
    rebuilt, _, rebuilt_lookups = _names(changed, again, dict(tagger.memo), dict(lookups.asked))
    assert rebuilt == cold and "张强" in {h["heading"] for h in rebuilt[names.KIND_PERSON]}
    # Every stretch of the changed volume is read, but only the new ones are cut and ruled on again.
    cut_while_reading = [s for s in cut if s in read]
    assert cut_while_reading and all("张强" in s or "城市管理委员会" in s for s in cut_while_reading)
    assert len(read) > len(cut_while_reading)
    # What the next build keeps is a cold build's: the candidates, the dictionary answers asked.
    assert rebuilt_lookups.asked == cold_lookups.asked
    for key, kept in again.memo.items():
        assert kept.lookups.keys() <= rebuilt_lookups.asked.keys()  # the kept stretches' answers count as asked
        fresh = cold_candidates.memo[key]
        assert (kept.stretches, kept.people, kept.orgs, kept.places, kept.lookups, kept.reads) == (
            fresh.stretches, fresh.people, fresh.orgs, fresh.places, fresh.lookups, fresh.reads)


def test_a_kept_stretch_s_dictionary_answers_count_as_asked_for_the_next_build():
    # What the rules of a kept stretch asked jieba's dictionary is noted as asked
    # (tagging.KeptLookups.asked, kept by the cache), though they are not run
    # again: else the next build would not find those answers and load the
    # whole 5 MB table for them.
    stretch = "区委书记李学义出席"
    lookups = KeptLookups({"李学义": "nr", "出席": "v"}, lambda: {})
    tagger = Tagger({}, processes=1, dictionary=lookups)
    kept = {stretch: ({"李学义"}, set(), set(), {"李学义": "nr", "出席": "v"})}
    reading = names._Reading([stretch], tagger, reads=kept)
    reading.read(stretch)
    assert reading.people == {"李学义"}
    assert lookups.asked == {"李学义": "nr", "出席": "v"}
    assert reading.candidates().lookups == {"李学义": "nr", "出席": "v"}
    assert reading.candidates().reads == kept
