"""人物·荣誉 lists set line per printed line: the last item of one list and
the next list's title, run together where a list line filled its printed
line, are split again at the title the book's 条目索引 prints."""
from types import SimpleNamespace

from build_scripts.model import Part
from build_scripts.structure.special import parse_titled
from build_scripts.structure.toc_index import parse_finding_aids

from structure_fixtures import lines

INDEX = ["条目索引", "2023年全国工人先锋号 320", "2023年全国五一巾帼标兵获得者 320", "概况 1"]


def _parse(texts):
    index = parse_finding_aids(lines(INDEX))
    signals = SimpleNamespace(index=index, known_titles=index.keys, page=None, audit=[],
                              heading=lambda raw, line, entry=False: raw.strip())
    part = Part(title="人物·荣誉")
    parse_titled(part, lines(texts), signals)
    return [(e.title, [b.text for b in e.blocks]) for c in part.chapters for e in c.entries]


def test_a_known_title_glued_to_a_list_line_opens_its_entry():
    entries = _parse(["2023年全国工人先锋号", "某某电源股份有限公司数字电源班组2023年全国五一巾帼标兵获得者", "石某某 某医院副院长"])
    assert [t for t, _ in entries] == ["2023年全国工人先锋号", "2023年全国五一巾帼标兵获得者"]
    assert "".join(entries[0][1]).endswith("数字电源班组")


def test_a_sentence_ending_in_a_known_title_is_not_split():
    entries = _parse(["2023年全国工人先锋号", "该班组获评全国五一巾帼标兵，是2023年全国五一巾帼标兵获得者"])
    assert [t for t, _ in entries] == ["2023年全国工人先锋号"]


def test_a_short_known_title_at_a_line_end_is_not_split():
    """概况 ends many lines; only titles of GLUED_TITLE_MIN characters or more."""
    entries = _parse(["2023年全国工人先锋号", "某某街道社区概况"])
    assert [t for t, _ in entries] == ["2023年全国工人先锋号"]
