"""Name indexes (人名索引, 机构索引, 地名索引).

jieba's part-of-speech tagger proposes candidates (nr person, nt organisation,
ns place); a candidate becomes a heading only when a rule or a list the book
itself provides confirms it:

- people: a name the book writes right after an office (区委书记李学义,
  区长胡学明), continues a list of such names (区领导梁春早、黄孝喜), or opens a
  biography (孙长亭，男，汉族); a name jieba cut short is made whole
  (`_whole_name`: 沙赫兰·杜斯塔, 安平年);
- organisations: the book's own headings that name a body (its 篇/章/条目
  titles ending in 委员会, 局, 联合会 …), and tagged names built of a proper
  name and a body word (河西区 + 民政局, 南开大学) that the text uses at
  least once as a whole name (see `_whole_somewhere`);
- places: the book's own lists — its 街道 chapters and the 社区 it lists one
  per line — with their short forms (东海街道 → 东海街), and tagged places that
  jieba's dictionary knows as places or that end in a place word (路, 道, 里 …).

Each name points to every entry whose text mentions it. Tagging the whole
book is slow, so only sentences holding such a signal are tagged.
"""
from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field

from ..text import CJK
from .collation import sort_key
from .headings import Heading, entry_locator, merge, qualify
from .locators import Target, search_text
from .mentions import mentions
from .tagging import KeptLookups, Tagger

KIND_PERSON, KIND_ORG, KIND_PLACE = "人名", "机构", "地名"

# Offices (职务) the book writes straight before a person's name, and 区领导
# (the district leaders) before a list of names.
OFFICE = re.compile(
    r"(书记|区长|市长|省长|州长|县长|镇长|乡长|主任|局长|部长|主席|委员|院长|校长|经理|董事长|理事长|会长|队长|所长|处长|"
    r"秘书长|常委|领导|组长|馆长|社长|检察长|庭长|政委|司令员|参谋长|行长|站长|厂长|院士|教授)$"
)
# A biography opens with the name, then sex: 孙长亭，男，汉族. The name is
# the whole run before the first comma (jieba would cut 孙长亭 as 孙 + 长亭).
BIOGRAPHY = re.compile(rf"(?:^|[。；\n])\s*([{CJK}]{{2,3}})[,，]\s*[男女][,，]")
# Words that name a body (机构) at the end of its name.
ORG_SUFFIX = re.compile(
    r"(委员会|工作委员会|党工委|政府|人大|政协|法院|检察院|公安局|分局|派出所|局|办公室|中心|协会|学会|"
    r"联合会|工会|商会|研究会|基金会|促进会|学社|党|团|公司|集团|银行|医院|大学|学院|学校|小学|中学|幼儿园|"
    r"研究院|研究所|纪念馆|博物馆|图书馆|文化馆|少年宫|支队|大队|中队|消防站|服务站|联络站)$"
)
# Words that end a place name: streets, roads, residential 里, districts …
PLACE_SUFFIX = re.compile(r"(街道|社区|大街|路|道|街|里|园|桥|村|镇|县|市|省|区|广场|公园)$")
# A place unit the book lists one per line (its 街道 chapters, its 社区 list).
LISTED_PLACE = re.compile(rf"^[{CJK}]{{2,8}}(街道|社区)$")
# Where a name can stand next to its signal: within one clause (the book
# separates clauses with these marks; 、 joins names of one list and stays).
_CLAUSE_MARK = re.compile(r"[。；！？\n，,：:（）()]")
# The office or body words in running text (unanchored forms of the above).
# (The office words ungrouped: with the group as one branch of the
# alternation, re tries the pattern at every character, five times slower.)
_OFFICE_IN_TEXT = re.compile(OFFICE.pattern.rstrip("$")[1:-1] + r"|区领导")
_ORG_IN_TEXT = re.compile(ORG_SUFFIX.pattern.rstrip("$"))
WINDOW = 24  # characters tagged around a signal: a name list after an office
_HAN = re.compile(rf"^[{CJK}]+$")
PROPER = {"ns", "nt", "nz", "nrt", "j"}  # tags of proper names a body's name is built on
# A date's day, month or year character: after a number it ends the date
# (27日市气象局 is 27日 + 市气象局), so a name cannot start with it there.
DATE_REMNANT = "日月年号"
_NUMERAL = re.compile(r"[0-9〇零一二三四五六七八九十]$")
# Tags of the word after a name that continue the same noun phrase
# (天津市中心 + 城区, 河西区中心 + 工作): the span is not the whole name.
NOUN_TAGS = {"n", "ng", "vn", "l"}  # common nouns; not ns/nr/nt, which start the next name
# What may follow a body's name without being part of it: its own officers
# and party organs (河西区民政局 + 局长, 天津银行 + 党委).
AFTER_BODY = re.compile(OFFICE.pattern.rstrip("$") + r"|党委|党组|党支部|党总支|机关|系统|领导")
CONTEXT = 10  # characters tagged on each side of a name to see where it starts and ends
# Tags of words that never end a name (particles, prepositions, conjunctions,
# adverbs, pronouns, measure words, localisers): a lone character after a
# name with another tag is the end of the name jieba cut short (安平 + 年).
FUNCTION_TAGS = ("p", "c", "u", "d", "r", "q", "f", "y", "e", "o", "x", "uj", "ul", "zg")
# Administrative place words: a bare place name (天津, 甘肃) counts only when
# the book also writes it with one of these (天津市, 甘肃省).
ADMIN_SUFFIX = "省市县区州旗镇村"
# Body words of one character are also the ends of common words (布局, 大局,
# 格局); with them the body word must be longer (民政局, 公安局).
SHORT_SUFFIX = "局党团"
# 市 after 城, 都, 省 makes the common nouns 城市 (city), 都市, 省市 — not a name.
COMMON_PLACE = re.compile(r"(城市|都市|省市)$")


def _tagger() -> Tagger:
    return Tagger()


@dataclass
class Candidates:
    """What one volume's text proposes (名称候选): the stretches tagged (its
    sentences around a signal, `_windows`), the names jieba's tags and the
    rules find in them and the biographies' names, and the answers jieba's
    dictionary gave the rules on the way (word → tag, None: not a word)."""

    stretches: list[str]
    people: set[str]
    orgs: set[str]
    places: set[str]
    lookups: dict[str, str | None]
    # What each stretch gave (its people, bodies, places and the dictionary
    # answers its rules got) and each text's stretches (by a digest of the
    # text): a rebuild after a correction reads only the new stretches of
    # the volume, not its 7,000 others (`_Reading`).
    reads: dict[str, tuple] = field(default_factory=dict)
    windows: dict[bytes, list[str]] = field(default_factory=dict)


class CandidateMemo:
    """Each volume's `Candidates` under a digest of its texts (title and body
    of every entry, Target.text), so a rebuild after one volume changed finds
    the names of the others without reading their text again.
    `known`: an earlier build's (cache.py keys the file on the code, jieba's
    version included); `memo` collects what this build used."""

    def __init__(self, known: dict[str, Candidates] | None = None):
        self.known = known or {}
        self.memo: dict[str, Candidates] = {}

    @staticmethod
    def key(texts: list[str]) -> str:
        h = hashlib.sha256()
        for text in texts:
            h.update(text.encode("utf-8") + b"\0")
        return h.hexdigest()


class _Asked:
    """A dictionary (word → tag) that notes every answer it gives: the name
    rules ask only `get` and `in`."""

    def __init__(self, dictionary):
        self._dictionary = dictionary
        self.answers: dict[str, str | None] = {}

    def _tag(self, word: str) -> str | None:
        if word not in self.answers:
            self.answers[word] = self._dictionary.get(word)
        return self.answers[word]

    def get(self, word: str, default=None):
        tag = self._tag(word)
        return default if tag is None else tag

    def __contains__(self, word: str) -> bool:
        return self._tag(word) is not None


def build(targets: list[Target], titles: list[str], lines: list[str], tagger: Tagger | None = None,
          candidates: CandidateMemo | None = None) -> dict[str, list[Heading]]:
    """The three name indexes. `titles` are the book's 篇/章/条目 headings,
    `lines` its short standalone lines (lists such as the 社区 it names);
    `tagger` may hold the tags of an earlier build, `candidates` the
    candidates of each volume an earlier build found."""
    texts = [t.text for t in targets]
    posseg = tagger or _tagger()
    with posseg.working():
        return _build(targets, texts, titles, lines, posseg, candidates or CandidateMemo())


def _build(targets: list[Target], texts: list[str], titles: list[str], lines: list[str], posseg: Tagger,
           candidates: CandidateMemo) -> dict[str, list[Heading]]:
    found = _candidates(targets, texts, posseg, candidates)
    people: set[str] = set().union(*(c.people for c in found))
    orgs: set[str] = {search_text(t) for t in titles if ORG_SUFFIX.search(search_text(t)) and len(search_text(t)) >= 4 and _HAN.match(search_text(t))}
    orgs |= set().union(*(c.orgs for c in found))
    places: set[str] = {search_text(l) for l in list(lines) + list(titles) if LISTED_PLACE.match(search_text(l))}
    places = {p for p in places if _proper_place(posseg, p)}
    places |= set().union(*(c.places for c in found))
    dictionary = posseg.dictionary
    for name in [p for p in places if p.endswith("街道")]:
        places.add(name[:-1])  # the book's short form: 东海街道 → 东海街
    places = {p for p in places if not _bare(p) or any(p + a in places for a in ADMIN_SUFFIX)}
    # jieba sometimes cuts a name short (梁春 of 梁春早): keep the longer one.
    # (In sorted order the names a name begins come right after it.)
    ordered = sorted(people)
    people = {p for p, q in zip(ordered, ordered[1:] + [""]) if not q.startswith(p)}
    people = {p for p in people if dictionary.get(p, "nr").startswith("nr")}
    # one pass over the text for the three indexes and the bodies still to see used whole
    where = mentions(sorted(people | orgs | places), texts)
    headed = {search_text(t) for t in titles}
    unheaded = sorted(o for o in orgs if o not in headed and where[o])
    # Each body's first use tagged by the workers, all at once: most bodies are whole there.
    posseg.tag_all([w for w in (_context(texts[where[o][0]], o)[1] for o in unheaded) if w])
    orgs = {o for o in orgs if o in headed or _whole_somewhere(posseg, o, [texts[i] for i in where[o]])}
    found_names = {KIND_PERSON: sorted(people), KIND_ORG: sorted(orgs), KIND_PLACE: sorted(places - orgs)}
    return {kind: _headings(words, kind, where, targets) for kind, words in found_names.items()}


def _candidates(targets: list[Target], texts: list[str], posseg: Tagger, memo: CandidateMemo) -> list[Candidates]:
    """Each volume's candidates, from `memo` when its texts are those of an
    earlier build. Every stretch is handed to the tagger all the same (known
    tags cost a look-up), so the tags it keeps for the next build are all of
    this build's; the dictionary answers a kept volume's rules got are noted
    as asked again (tagging.KeptLookups), for the same reason. The other
    volumes' stretches are read as the tagger hands their tags over."""
    volumes: dict[int, list[str]] = {}  # each volume's texts
    for target, text in zip(targets, texts):
        volumes.setdefault(id(target.volume), []).append(text)
    keys = [memo.key(of_volume) for of_volume in volumes.values()]
    reads: dict[str, tuple] = {}
    windows: dict[bytes, list[str]] = {}
    if any(key not in memo.known for key in keys):
        # An earlier build's reads of stretches and texts, whichever volume they were in.
        for kept in memo.known.values():
            reads.update(kept.reads)
            windows.update(kept.windows)
    reading_of = {key: _Reading(of_volume, posseg, reads, windows)
                  for key, of_volume in zip(keys, volumes.values()) if key not in memo.known}
    readers: dict[str, list[_Reading]] = {}  # the readings each stretch is part of
    for reading in reading_of.values():
        for sentence in reading.sentences:
            readers.setdefault(sentence, []).append(reading)

    def read(tagged: list[str]) -> None:
        for sentence in tagged:
            for reading in readers.get(sentence, ()):
                reading.read(sentence)

    posseg.tag_all([s for key in keys for s in (memo.known[key].stretches if key in memo.known else reading_of[key].sentences)], read)
    found = []
    for key in keys:
        if key in memo.known:
            kept = memo.known[key]
            if isinstance(posseg.dictionary, KeptLookups):
                posseg.dictionary.note(kept.lookups)
        else:
            kept = reading_of[key].candidates()
        memo.memo[key] = kept
        found.append(kept)
    return found


class _Reading:
    """One volume's candidates, read stretch by stretch. The index order of
    each name found (collation.sort_key, memoised) is worked out as it is
    found: while the tagger's workers tag the next stretches, not after the
    last of them."""

    def __init__(self, texts: list[str], posseg: Tagger, reads: dict[str, tuple] | None = None,
                 windows: dict[bytes, list[str]] | None = None):
        """`reads`, `windows`: an earlier build's (Candidates.reads, .windows)."""
        self.texts = texts
        known = windows or {}
        self.windows: dict[bytes, list[str]] = {}
        for text in texts:
            key = hashlib.sha1(text.encode("utf-8")).digest()
            found = known.get(key)
            self.windows[key] = sorted(_windows(text)) if found is None else found
        self.sentences = sorted({w for found in self.windows.values() for w in found})
        self._known = reads or {}
        self.reads: dict[str, tuple] = {}
        self._posseg = posseg
        self._dictionary = _Asked(posseg.dictionary)
        self.people = {m.group(1) for x in texts for m in BIOGRAPHY.finditer(x)}
        self.orgs: set[str] = set()
        self.places: set[str] = set()
        _order(self.people)

    def read(self, sentence: str) -> None:
        done = self._known.get(sentence)
        if done is None:
            # The answers its rules get, noted for the stretch (and by the volume's _Asked beneath).
            asked = _Asked(self._dictionary)
            tokens = [(w, f) for w, f in self._posseg.cut(sentence) if w.strip()]
            done = (_people(tokens, asked), _orgs(tokens, asked), _places(tokens, asked), asked.answers)
        else:
            self._replay(done[3])
        self.reads[sentence] = done
        for names, found in zip((self.people, self.orgs, self.places), done[:3]):
            _order(found - names)
            names |= found

    def _replay(self, answers: dict[str, str | None]) -> None:
        """A kept stretch's dictionary answers, as if its rules had asked them
        again: the volume's answers, and the dictionary's own count of what
        this build asked (tagging.KeptLookups, kept for the next build)."""
        new = {word: tag for word, tag in answers.items() if word not in self._dictionary.answers}
        self._dictionary.answers.update(new)
        if isinstance(self._posseg.dictionary, KeptLookups):
            self._posseg.dictionary.note(new)

    def candidates(self) -> Candidates:
        return Candidates(self.sentences, self.people, self.orgs, self.places, self._dictionary.answers,
                          self.reads, self.windows)


def _order(names: set[str]) -> None:
    for name in names:
        sort_key(name)


def _windows(text: str) -> set[str]:
    """The stretches of a text worth tagging (tagging all of it is slow): an
    office and what follows it, a name before 男/女, a body word and the
    words before it — each within its clause."""
    # The signal words hold no clause mark, so they are found in the whole
    # text, as in each clause, and only a window's end is cut to its clause
    # (splitting every text into clauses first costs more than the search).
    out = set()
    for m in _OFFICE_IN_TEXT.finditer(text):
        end = _CLAUSE_MARK.search(text, m.end(), m.end() + WINDOW)
        out.add(text[m.start() : end.start() if end else m.end() + WINDOW])
    for m in _ORG_IN_TEXT.finditer(text):
        start = max(0, m.end() - WINDOW)
        for mark in _CLAUSE_MARK.finditer(text, start, m.start()):
            start = mark.end()
        out.add(text[start : m.end()])
    return out


def _people(tokens: list[tuple[str, str]], dictionary: dict) -> set[str]:
    found: set[str] = set()
    previous_confirmed = False
    for i, (word, flag) in enumerate(tokens):
        if flag == "nr" and 2 <= len(word) <= 3 and _HAN.match(word):
            before = tokens[i - 1][0] if i else ""
            listed = before == "、" and previous_confirmed and word not in dictionary
            if OFFICE.search(before) or listed:
                found.add(_whole_name(tokens, i, dictionary))
                previous_confirmed = True
                continue
        if word not in ("、",):
            previous_confirmed = False
    return found


def _whole_name(tokens: list[tuple[str, str]], i: int, dictionary: dict) -> str:
    """The person's name starting at token i, where jieba cut it short:
    a transliterated name goes on after its middle dot (沙赫兰·杜斯塔), and a
    two-character name keeps a lone character that is no function word when
    a verb follows (总队长安平年调研: 安平 + 年 + 调研)."""
    name = tokens[i][0]
    rest = tokens[i + 1 :]
    if len(rest) >= 2 and rest[0][0] in "·•・" and rest[1][1].startswith("nr"):
        name += "·" + "".join(w for w, _ in itertools.takewhile(lambda t: t[1].startswith("nr"), rest[1:]))
    elif (
        len(name) == 2
        and len(rest) >= 2
        and len(rest[0][0]) == 1
        and _HAN.match(rest[0][0])
        and rest[0][1] not in FUNCTION_TAGS
        and rest[1][1].startswith("v")
        and name + rest[0][0] not in dictionary
    ):
        name += rest[0][0]
    return name


def _orgs(tokens: list[tuple[str, str]], dictionary: dict) -> set[str]:
    found: set[str] = set()
    for i, (word, flag) in enumerate(tokens):
        if not ORG_SUFFIX.search(word) or not _HAN.match(word) or len(word) < 2:
            continue
        if word[-1] in SHORT_SUFFIX and (len(word) < 3 or _common_ending(word, dictionary)):
            continue
        j = i
        # A proper part of one character is a conjunction or a remnant (暨, 日), not a name.
        while j > 0 and tokens[j - 1][1] in PROPER and _HAN.match(tokens[j - 1][0]) and len(tokens[j - 1][0]) > 1:
            j -= 1
        name = "".join(w for w, _ in tokens[j : i + 1])
        if j < i and len(name) >= 4:
            found.add(name)  # a proper name and a body word: 河西区 + 民政局
        elif flag == "nt" and len(word) >= 4:
            found.add(word)  # a body jieba knows whole: 南开大学
    return found


def _common_ending(word: str, dictionary: dict) -> bool:
    """A word ending in the body word 局 that is a common noun, not a body: its last two characters are a dictionary word
    (布局, 格局, 大局) and jieba does not know the whole as a body (民政局 is
    tagged nt although 政局 is a word too)."""
    # Only 局: 乐团 and 政党 end names of bodies too (天津交响乐团).
    return word.endswith("局") and word[-2:] in dictionary and dictionary.get(word) != "nt"


def _whole_somewhere(posseg, name: str, texts: list[str]) -> bool:
    """A tagged body's name counts only if the text uses it, at least once,
    as a whole name: starting and ending where words start and end (not
    津财经大学 inside 天津财经大学), not right after a date's number (27日 +
    市气象局 makes no 日市气象局), not continuing a name before it
    (`_part_of_name`), and not running on into a longer noun phrase
    (`_phrase_goes_on`)."""
    for text in texts:
        # Each occurrence, left to right, not overlapping (re.finditer's
        # matches of the escaped name, without a pattern compiled per name).
        start = text.find(name)
        while start >= 0:
            if _whole_at(posseg, text, start, start + len(name)):
                return True
            start = text.find(name, start + len(name))
    return False


def _context(text: str, name: str, start: int | None = None) -> tuple[str, str | None]:
    """The characters before the use of `name` at `start` (its first by
    default) and the window tagged around it; no window where the name would
    start with the day of a date (27日 + 市气象局)."""
    start = text.find(name) if start is None else start
    before = text[max(0, start - CONTEXT) : start]
    if text[start] in DATE_REMNANT and _NUMERAL.search(before):
        return before, None
    return before, before + name + text[start + len(name) : start + len(name) + CONTEXT]


def _whole_at(posseg, text: str, start: int, end: int) -> bool:
    before, window = _context(text, text[start:end], start)
    if window is None:
        return False
    bounds, words, offset = set(), [], 0
    for word, flag in posseg.cut(window):
        bounds.add(offset)
        words.append((offset, word, flag))
        offset += len(word)
    first, last = len(before), len(before) + end - start
    if first not in bounds or last not in bounds and last != len(window):
        return False
    previous = [(w, f) for o, w, f in words if o + len(w) == first]
    if previous and _part_of_name(*previous[0]):
        return False
    ending = [(w, f) for o, w, f in words if o + len(w) == last]
    following = [(w, f) for o, w, f in words if o == last]
    if ending and following and _phrase_goes_on(ending[0], following[0]):
        return False
    return True


def _part_of_name(word: str, tag: str) -> bool:
    """The word just before a span belongs to the same name: another body's
    name (…有限公司 + 天津河西区分公司 is a branch, named with its company), or
    a lone proper-name character jieba split off (藏 + 巴哇学校)."""
    if not _HAN.match(word):
        return False
    if len(word) > 1:
        return bool(ORG_SUFFIX.search(word))
    return tag in PROPER  # 区, 市 (tagged n) are the level of the body, not part of a name


def _phrase_goes_on(ending: tuple[str, str], following: tuple[str, str]) -> bool:
    """A name ending in a bare two-character body word (中心, 学校) runs on
    into a longer noun phrase when a noun follows it (天津市 + 中心 + 城区,
    天津市 + 学校 + 国旗护卫队); its officers (副州长) and party organs (党委)
    do not."""
    (last, last_tag), (word, tag) = ending, following
    bare = len(last) <= 2 and ORG_SUFFIX.fullmatch(last)
    noun = (tag in NOUN_TAGS or tag == "nt") and len(word) >= 2 and not OFFICE.search(word) and not AFTER_BODY.match(word)
    return bool(bare and noun)


def _places(tokens: list[tuple[str, str]], dictionary: dict) -> set[str]:
    found = set()
    for word, flag in tokens:
        if flag != "ns" or not _HAN.match(word) or len(word) < 2:
            continue
        if dictionary.get(word, "ns") != "ns" or COMMON_PLACE.search(word):
            continue  # a common word jieba tagged as a place in context
        suffix = PLACE_SUFFIX.search(word)
        if suffix and suffix.start() < 2:
            continue  # nothing but a place word: 南路, 大街, 新区
        if dictionary.get(word) == "ns" or suffix:
            found.add(word)
    return found


def _bare(place: str) -> bool:
    """A place name without a place word at its end (天津, 深度)."""
    return not PLACE_SUFFIX.search(place) and place[-1] not in ADMIN_SUFFIX


def _proper_place(posseg, name: str) -> bool:
    """A listed 街道/社区 whose name is built of words, not of a description
    (部分优秀社区, 人防示范社区 name kinds of 社区, not one)."""
    stem = LISTED_PLACE.match(name)
    words = posseg.cut(name[: stem.start(1)])
    return not any(flag[:1] in ("a", "v", "m", "d") for _, flag in words)


def _headings(names: list[str], kind: str, where: dict[str, list[int]], targets: list[Target]) -> list[Heading]:
    """`where`: the targets each name occurs in (mentions)."""
    headings = []
    for name in names:
        hits = where[name]
        if hits:
            headings.append(Heading(name, [entry_locator(targets[i], with_title=True) for i in hits], kind))
    headings = merge(headings)
    for h in headings:
        qualify(h)
    return headings
