"""Ids and URLs a reader cites (锚点, 页面地址): build_scripts/slugs.py and the
URL half of build_scripts/layout.py.

A citation copies a URL; the id in it must read as the title's pinyin, stay
within the length a URL is cited at, and never be handed to two headings.
"""
from __future__ import annotations

import hashlib

import pytest

from build_scripts import layout
from build_scripts.layout import Layout, Placement, page_urls
from build_scripts.slugs import MAX_SLUG, SlugRegistry, slugify


# --- slugify -------------------------------------------------------------------

@pytest.mark.parametrize("title,slug", [
    ("河西区", "he-xi-qu"),
    ("重庆银行", "chong-qing-yin-hang"),  # phrase-aware: 重 read chong, 行 read hang
    ("2023年GDP增长", "2023-nian-gdp-zeng-zhang"),  # digits and Latin kept, lower-cased
    ("“乐活”工程", "le-huo-gong-cheng"),  # punctuation neither in the id nor at its ends
    ("A & B", "a-b"),
])
def test_an_id_is_the_titles_pinyin_joined_by_hyphens(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("title", ["", "！！", "——", "  "])
def test_a_title_with_no_letter_gets_the_fallback(title):
    assert slugify(title) == "x"
    assert slugify(title, fallback="entry") == "entry"


def test_an_id_of_64_characters_is_kept_whole():
    assert slugify("a" * MAX_SLUG) == "a" * 64


def test_a_longer_id_is_cut_and_made_unique_by_the_titles_hash():
    title = "a" * 65
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]
    assert slugify(title) == "a" * 57 + "-" + digest
    assert len(slugify("长" * 40)) == 64


def test_a_cut_falling_after_a_hyphen_leaves_no_double_hyphen():
    slug = slugify("a" * 56 + " bcdefghij")
    assert "--" not in slug and len(slug) == 63 and slug.startswith("a" * 56 + "-")


def test_long_titles_that_differ_only_at_their_end_get_different_ids():
    a, b = slugify("长" * 40 + "甲"), slugify("长" * 40 + "乙")
    assert a != b and a[:57] == b[:57]


# --- SlugRegistry ----------------------------------------------------------------

def test_a_repeated_title_gets_2_3_in_order():
    reg = SlugRegistry()
    assert [reg.take("概况") for _ in range(3)] == ["gai-kuang", "gai-kuang-2", "gai-kuang-3"]


def test_a_reserved_name_is_never_handed_out():
    reg = SlugRegistry(("index", "about"))
    assert reg.take("Index") == "index-2"
    assert reg.take("About") == "about-2"


def test_a_numbered_id_already_taken_is_skipped():
    reg = SlugRegistry()
    assert [reg.take("a-2"), reg.take("a"), reg.take("a")] == ["a-2", "a", "a-3"]


def test_each_scope_numbers_on_its_own():
    one, two = SlugRegistry(), SlugRegistry()
    assert one.take("概况") == two.take("概况") == "gai-kuang"


def test_the_fallback_is_numbered_like_any_id():
    reg = SlugRegistry()
    assert [reg.take("！", fallback="entry"), reg.take("？", fallback="entry")] == ["entry", "entry-2"]


# --- page URLs ---------------------------------------------------------------------

@pytest.mark.parametrize("md,hosted,offline", [
    ("hexi-2024/fa-zhi/gong-an.md", "hexi-2024/fa-zhi/gong-an/", "hexi-2024/fa-zhi/gong-an.html"),
    ("hexi-2024/fa-zhi/index.md", "hexi-2024/fa-zhi/", "hexi-2024/fa-zhi/index.html"),
    ("index.md", "", "index.html"),
    ("hexi-2024/reindex.md", "hexi-2024/reindex/", "hexi-2024/reindex.html"),  # ends in "index", is no index
    ("glossary", "glossary/", "glossary.html"),
])
def test_page_urls_are_those_mkdocs_writes(md, hosted, offline):
    assert page_urls(md) == (hosted, offline)


def test_a_placement_links_to_its_anchor_in_either_build():
    p = Placement("v/p/c/", "v/p/c.html", "gai-kuang")
    assert p.url() == "v/p/c/#gai-kuang"
    assert p.url(directory_urls=False) == "v/p/c.html#gai-kuang"
    whole = Placement("v/p/c/", "v/p/c.html", "")
    assert whole.url() == "v/p/c/" and whole.url(False) == "v/p/c.html"


def test_layout_places_an_entries_url_on_its_generated_page():
    places = Layout(["index.md", "v/index.md", "v/p/c.md"])
    assert places.place("v/p/c/#gai-kuang") == Placement("v/p/c/", "v/p/c.html", "gai-kuang")
    assert places.place("v/") == Placement("v/", "v/index.html", "")
    assert places.place("") == Placement("", "index.html", "")


def test_a_url_of_no_generated_page_is_an_error_naming_it():
    with pytest.raises(KeyError, match="no generated page for 'v/p/gone/#a'"):
        Layout(["v/p/c.md"]).place("v/p/gone/#a")


# --- volume ids ------------------------------------------------------------------------

@pytest.mark.parametrize("vid", ["a", "0", "hexi-2024", "a" * 63, "2024", "a-"])
def test_a_volume_id_of_1_to_63_lowercase_letters_digits_and_hyphens_is_fine(vid):
    assert layout.volume_id_problem(vid) is None


def test_a_volume_id_problem_says_the_rule_or_the_reservation():
    assert layout.volume_id_problem("Hexi") == (
        "must be 1–63 lowercase letters, digits and '-', starting with a letter or digit")
    assert layout.volume_id_problem("glossary") == (
        "is reserved: it is the name of one of the site's own pages or folders")


def test_a_hand_written_top_level_name_is_never_taken_for_generated(tmp_path):
    for name in ("assets", "guide", "site", "dist", "about"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.md").write_text("x", encoding="utf-8")
        assert not layout.is_generated(tmp_path, name), name
    assert layout.is_generated(tmp_path, "glossary.md") and layout.is_generated(tmp_path, "audit.md")
    assert layout.is_generated(tmp_path, "indexes")


def test_a_volume_folder_is_generated_only_while_it_holds_only_markdown(tmp_path):
    vol = tmp_path / "town-2099"
    (vol / "part").mkdir(parents=True)
    (vol / "part" / "c.md").write_text("x", encoding="utf-8")
    assert layout.is_generated(tmp_path, "town-2099")
    assert layout.is_generated(tmp_path, "gone-2099")  # nothing there: nothing to protect
    (vol / "part" / "photo.jpg").write_bytes(b"jpg")
    assert not layout.is_generated(tmp_path, "town-2099")


def test_a_link_or_a_file_in_a_volumes_name_is_never_generated(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "town-2099").symlink_to(tmp_path / "real")
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    assert not layout.is_generated(tmp_path, "town-2099")
    assert not layout.is_generated(tmp_path, "notes")
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "a.md").symlink_to(tmp_path / "notes")
    (tmp_path / "vol" / "sub").symlink_to(tmp_path / "real")
    assert not layout.is_generated(tmp_path, "vol")


def test_a_title_with_no_letter_takes_x_then_x_2():
    reg = SlugRegistry()
    assert [reg.take("！"), reg.take("？")] == ["x", "x-2"]
