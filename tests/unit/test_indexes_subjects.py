"""The 主题索引: quoted programme names that recur, with 参见."""
from build_scripts.indexes import subjects
from build_scripts.indexes.locators import targets

from _book import entry, volume


def _book(n_filler=20):
    fill = [entry(f"工作{i}", "开展日常工作。") for i in range(n_filler)]
    return volume({"区委": {"重要会议": [
        entry("动员大会", "贯彻落实市委“十项行动”，推进\" 双万双服 \"和双万双服促发展。"),
        entry("推动会", "围绕十项行动部署，开展“双万双服促发展”活动。"),
        entry("专题会议", "落实“十项行动”，推进“双万双服促发展”活动。"),
        entry("引语", "他说“要坚持，要落实。”"),
    ] + fill}})


def test_a_quoted_term_mentioned_in_several_entries_is_a_subject_with_every_mention():
    headings = {h.title: h for h in subjects.build(targets([_book()]))}
    locators = headings["十项行动"].locators
    assert len(locators) == 3 and len({l.label for l in locators}) == 3  # told apart


def test_padded_ascii_quotes_are_read_as_quotation_marks():
    assert "双万双服" in subjects.quoted_terms('推进" 双万双服 "工作')


def test_a_quoted_sentence_is_not_a_term():
    assert subjects.quoted_terms("他说“要坚持，要落实。”") == set()


def test_a_term_in_most_entries_is_vocabulary_not_a_subject():
    headings = {h.title for h in subjects.build(targets([_book(n_filler=0)]))}
    assert "十项行动" not in headings


def test_subjects_that_contain_one_another_see_each_other():
    book = _book()
    # a second entry quotes the short form too, so both forms are subjects
    extra = entry("座谈会", "开展“双万双服”走访。")
    extra.anchor = "zuo-tan-hui"
    book.parts[0].chapters[0].entries.append(extra)
    headings = {h.title: h for h in subjects.build(targets([book]))}
    assert "双万双服促发展" in headings["双万双服"].see_also
    assert "双万双服" in headings["双万双服促发展"].see_also


def test_glossary_terms_join_the_subjects_with_the_entries_they_occur_in():
    ts = targets([_book()])
    headings = {h.title: h for h in subjects.build(ts, [("“无废城市”", [ts[1].id])])}
    assert [l.entry for l in headings["无废城市"].locators] == [ts[1].id]
