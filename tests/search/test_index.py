"""Search index (build_scripts/search/index.py, normalise.py, rules.py,
pinyin.py): normalisation, traditional characters, chunking, entry kinds,
pinyin, the manifest's rules and limits, and that the index files hold every
entry's title and text unchanged."""
from __future__ import annotations

import json
import re

from build_scripts import search as si


def _record(n, title, text, volume="v", part="篇一", chapter="章一", section=None, url="v/p/c/"):
    return {"id": f"{volume}/{n}", "volume": volume, "part": part, "chapter": chapter, "section": section,
            "title": title, "url": f"{url}#e{n}", "pages": [], "text": text}


def test_words_split_by_a_wrap_space_match_the_word():
    assert "垃圾分类" in si.normalise("推进垃圾 分类工作，\n垃圾\u3000分类")
    assert si.normalise("垃圾 分类\t示范") == "垃圾分类示范"


def test_full_width_and_half_width_forms_match_each_other():
    assert si.normalise("ＰＭ２．５浓度（年均）") == si.normalise("pm2.5浓度(年均)")
    assert si.normalise("１００％") == "100%"


def test_query_terms_are_split_at_spaces_and_normalised():
    assert si.query_terms("垃圾分类  示范 垃圾分类") == ["垃圾分类", "示范"]
    assert si.query_terms("　") == []


def test_traditional_query_characters_become_the_simplified_ones_of_the_text():
    records = [_record(1, "垃圾分类", "推进生活垃圾分类")]
    table = si.t2s_table(records)
    assert table["類"] == "类"
    assert si.query_terms("垃圾分類", table) == ["垃圾分类"]
    # characters whose forms never occur in the corpus are not shipped
    assert "龜" not in table


def test_traditional_characters_in_the_text_are_found_by_simplified_queries():
    records = [_record(1, "主題教育", "开展主題教育")]
    table = si.t2s_table(records)
    assert si.matches(records[0], si.query_terms("主题教育", table), table)


def test_ground_truth_needs_every_term_in_title_or_text():
    record = _record(1, "燃气安全", "开展检查")
    assert si.matches(record, ["燃气", "检查"])
    assert not si.matches(record, ["燃气", "消防"])
    assert not si.matches(record, [])


def test_chunks_keep_reading_order_and_never_mix_volumes():
    records = [_record(i, f"条目{i}", "文" * 50, volume="a" if i < 7 else "b") for i in range(10)]
    chunks = si.chunk_records(records, chunk_chars=120)
    assert [r for _, _, part in chunks for r in part] == records
    assert all(len({r["volume"] for r in part}) == 1 for _, _, part in chunks)
    assert [first for _, first, _ in chunks] == [records.index(part[0]) for _, _, part in chunks]
    sizes = [len(part) for volume, _, part in chunks if volume == "a"]
    assert len(sizes) > 1 and max(sizes) - min(sizes) <= 1, "a volume's slices are of even size"


def _payloads(files):
    out = {}
    for name, text in files.items():
        m = re.fullmatch(r"window\.(\w+)(?:\(| = )(.*?)\)?;\n", text, re.S)
        out[name] = (m.group(1), json.loads(m.group(2)))
    return out


def test_index_files_hold_every_entry_title_text_place_and_link():
    records = [
        _record(1, "燃气安全", "开展\n检查", section="分目"),
        _record(2, "消防", "“119”宣传", chapter=None, url="v/p/"),
        _record(3, "概况", "文本", volume="w", url="w/p/c/"),
    ]
    files = _payloads(si.build_files(records))
    kind, manifest = files.pop("manifest.js")
    assert kind == "__yearbookSearchManifest" and manifest["total"] == 3
    assert [c["file"] for c in manifest["chunks"]] == sorted(files)
    seen = []
    for chunk in manifest["chunks"]:
        call, data = files[chunk["file"]]
        assert call == "__yearbookSearchChunk" and data["first"] == chunk["first"]
        for title, place, anchor, text, *_ in data["entries"]:
            part, chapter, section, page = data["places"][place]
            seen.append({"title": title, "text": text, "part": part, "chapter": chapter,
                         "section": section, "url": f"{page}#{anchor}"})
    assert seen == [{k: r[k] for k in ("title", "text", "part", "chapter", "section", "url")} for r in records]


def test_the_printed_index_and_contents_are_marked_as_finding_aids():
    records = [
        _record(1, "财政", "财政收入增长。"),
        _record(2, "条目索引", "财政 229 财政评审 212", part="索引", chapter=None),
        _record(3, "目 录", "财政 120", part="篇一"),
        _record(4, "索引编制", "编制财政索引。", part="篇一"),
    ]
    _, chunk = _payloads(si.build_files(records))["v-0.js"]
    assert [row[4] for row in chunk["entries"]] == [si.KINDS.index(k) for k in ("prose", "aid", "aid", "prose")]


def test_a_list_of_headings_with_pages_is_a_finding_aid_whatever_its_title():
    cells = "\n".join(f"第{n}项工作 {100 + n}\t其他条目{n} {200 + n}" for n in range(15))
    assert si.entry_kind(_record(1, "附", cells)) == "aid"


def test_tables_and_name_lists_are_told_from_prose_by_their_shape():
    table = "序号\t单位名称\t电话\n1\t马场街市场监管所\t23559435\n2\t大营门街市场监管所\t23252191"
    assert si.entry_kind(_record(1, "联系方式表", table)) == "table"
    assert si.entry_kind(_record(2, "博士后人员名单", "龚科家\n董悦")) == "names"
    assert si.entry_kind(_record(3, "概况", "全街道辖10个社区。")) == "prose"


def test_rows_carry_printed_pages_and_title_pinyin():
    rec = dict(_record(1, "垃圾分类", "推进垃圾分类。"), pages=[63, 64])
    est = dict(_record(2, "PM2.5", "浓度。"), pages=[70], pages_estimated=True)
    _, chunk = _payloads(si.build_files([rec, est]))["v-0.js"]
    assert [row[5:] for row in chunk["entries"]] == [["63-64", "la ji fen lei"], ["~70", ""]]


def test_title_pinyin_comes_from_pypinyin_with_its_phrase_readings():
    assert si.title_syllables("重庆长安") == "chong qing chang an"
    assert si.title_syllables("2023年“河长制”") == "2023 nian he zhang zhi"


def test_the_manifest_carries_the_ordered_rules_limits_and_volumes():
    records = [_record(1, "燃气", "文本"), _record(2, "概况", "文本", volume="w")]
    volumes = [{"id": "v", "title": "某某年鉴（2024）", "year": 2024}, {"id": "w", "title": "文献", "year": 2023}]
    manifest = _payloads(si.build_files(records, volumes=volumes))["manifest.js"][1]
    assert [r["id"] for r in manifest["ranking"]] == [r["id"] for r in si.RANKING]
    assert [r["id"] for r in manifest["ranking"]][:5] == ["title-equals", "heading-equals", "title-contains", "heading-contains", "body"]
    assert manifest["limits"] == si.LIMITS and manifest["limits"]["whitespace"] == si.WHITESPACE
    assert manifest["demote"]["kinds"] == ["table", "names", "aid"]
    assert manifest["volumes"] == volumes


def test_the_engine_gets_the_same_limits_written_in():
    js = si.engine_files()["search.js"]
    m = re.search(r"var LIMITS = (\{.*?\});", js)
    assert m and json.loads(m.group(1)) == si.LIMITS


def test_manifest_names_the_traditional_characters_the_text_holds():
    records = [_record(1, "主題教育", "推进垃圾分类")]
    files = _payloads(si.build_files(records))
    manifest = files["manifest.js"][1]
    pairs = dict(zip(manifest["t2s"][::2], manifest["t2s"][1::2]))
    assert pairs["類"] == "类" and pairs["題"] == "题"
    assert manifest["t2s_in_text"] == "題"


def test_offline_links_point_at_the_html_files_mkdocs_writes():
    from build_scripts.layout import Layout, page_urls

    assert page_urls("v/p/c.md") == ("v/p/c/", "v/p/c.html")
    assert page_urls("v/p/index.md") == ("v/p/", "v/p/index.html")
    assert page_urls("index.md") == ("", "index.html")
    page_url = si.offline_page_url(Layout(["v/p/c.md", "v/p/index.md"]))
    assert page_url("v/p/c/") == "v/p/c.html"
    assert page_url("v/p/") == "v/p/index.html"


def test_the_same_records_give_byte_identical_files():
    records = [_record(i, f"条目{i}", "文本") for i in range(5)]
    assert si.build_files(records) == si.build_files(list(records))


def test_glossary_terms_become_records_after_the_entries():
    glossary = [{"id": "yi-wang-tong-guan", "term": "一网统管", "definition": "城市运行管理平台……",
                 "url": "glossary/#yi-wang-tong-guan", "volume": None}]
    [record] = si.glossary_records(glossary)
    assert record["title"] == "一网统管" and record["text"] == "城市运行管理平台……"
    assert record["url"] == "glossary/#yi-wang-tong-guan" and record["part"] == "名词解释"
    assert si.matches(record, si.query_terms("运行管理"))
