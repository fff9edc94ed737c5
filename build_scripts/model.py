"""The plain data model passed between pipeline stages.

read → repair → structure → glossary → render → indexes (pipeline.py), then
the publishing step (output.py): each stage takes and returns these
objects and nothing else, so any stage can be tested on a hand-made value.
Names are English; the Chinese term of the yearbook is in each docstring.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceSpec:
    """One input text file of a volume (来源文件)."""

    file: str
    title: str | None = None
    publisher: str | None = None
    url_source: str | None = None


@dataclass(frozen=True)
class VolumeSpec:
    """One volume as declared in seeds/volumes.yml (卷)."""

    id: str
    title: str
    year: int
    kind: str
    publisher: str
    sources: tuple[SourceSpec, ...]
    editor: str | None = None
    # the 篇 titles in order, for a book whose text names them nowhere
    # (no 编辑说明 list, no running head): data, never code
    parts: tuple[str, ...] = ()
    # the running heads (书眉) before each 篇's title page, for a book whose
    # heads repetition cannot tell (fewer than five, or without a year): data
    running_heads: tuple[str, ...] = ()
    place: str | None = None  # 出版地, for citations; else read from the book's CIP data
    isbn: str | None = None  # else read from the book's CIP data


@dataclass
class Line:
    """One line of input text, with where it came from (行).

    `kind` is what the repair stage recognised the line as: "text" (running
    text or a heading), "caption" (a photo caption, 图片说明, with its credit),
    "credit" (a standalone attribution such as （区委办公室提供） or （王文振）),
    "break" (a running head that opens a 篇 in a yearbook's extraction),
    "web-title" / "web-meta" (a scraped web page's title, and its date/来源
    byline with the page's repeats of them: repair/webpage.py),
    "page" (where a printed page number stood: `page` holds it, text is empty).
    """

    text: str
    file: str
    lineno: int
    kind: str = "text"
    page: int | None = None  # the printed page this line is on, where the extraction says
    # page numbers a rejoined paragraph ran across: (offset in text, page from there on)
    page_breaks: tuple[tuple[int, int], ...] = ()

    def with_text(self, text: str) -> Line:
        """This line with another text, every other field kept: what
        dataclasses.replace(line, text=text) gives, at a third of its cost
        (the repair stage's line rules change thousands of lines)."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.text = text
        return new


@dataclass
class AuditRecord:
    """One change the pipeline made to the text, with its reason (修订记录).

    `before` is the original text of the change, `after` its replacement
    ("" when the text was removed from the reading text).
    """

    file: str
    line: int
    kind: str
    before: str
    after: str
    reason: str = ""

    def __reduce__(self):
        # Pickled as a constructor call with its fields (the cache keeps a
        # volume's ≈ 34,000 records): half the size and twice as fast to load
        # as the default, which restores each instance's __dict__.
        return (AuditRecord, (self.file, self.line, self.kind, self.before, self.after, self.reason))

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "kind": self.kind,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


@dataclass
class Block:
    """One block of an entry's body: a paragraph, sub-heading, caption, table or
    preformatted run (段落 / 小标题 / 图片说明 / 表格).

    kind is one of: "p", "h", "caption", "table", "pre", and (added by the
    structure stage for the special parts) "byline" (a speech's subtitle or
    speaker, 副标题/署名), "list" (a list of names, 名单: `items`), "note" (a
    visible editorial note, e.g. on a damaged table, 编者注).
    For "table", `rows` holds the cells; `text` is the raw text.
    For "h", `level` is 0 for a run-in sub-heading (小标题) and 1, 2 … for the
    numbered sections of a speech or report (一、 then （一）).
    """

    kind: str
    text: str
    line: int = 0
    rows: list[list[str]] | None = None
    level: int = 0
    items: list[str] | None = None


@dataclass
class Entry:
    """A 条目: the smallest titled unit of the book, the unit of search and
    citation. `anchor` is its HTML id, unique within its page and derived from
    its title, never from its position."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    pages_estimated: bool = False
    source: str | None = None  # attribution such as (区委办公室提供)
    file: str = ""
    line: int = 0
    anchor: str = ""
    section: str | None = None  # the 分目 the entry stands under, if any

    @property
    def text(self) -> str:
        """Normalised plain text of the body, without the title."""
        return "\n".join(b.text for b in self.blocks if b.kind not in ("caption", "note"))


@dataclass
class Chapter:
    """A 章 (章目): one page of the site. `title` is None for a 篇 whose
    entries stand directly under it (特载, 专文): they render on the 篇 page."""

    title: str | None
    slug: str = ""
    entries: list[Entry] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # a document's date, publisher …


@dataclass
class Part:
    """A 篇 (篇目), the top level of a volume."""

    title: str
    slug: str = ""
    chapters: list[Chapter] = field(default_factory=list)


@dataclass
class FindingAids:
    """The book's own finding aids (检索工具): its 目录 at the front and its
    条目索引 at the back, parsed once, in the structure stage, for every stage
    after it (heading repair and printed pages, `check`, the index coverage
    figure) — none of which reads the seed files again.

    `titles` is every title the 目录 and 条目索引 print, with its pages, read
    from the repaired lines (structure.toc_index.BookIndex); `printed_index`
    the 条目索引's rows as printed (indexes.printed.PrintedHeading), read from
    the lines as extracted, the index columns' own layout intact."""

    titles: object | None = None
    printed_index: list = field(default_factory=list)


@dataclass
class Volume:
    """A 卷: one published book or collection, structured."""

    spec: VolumeSpec
    parts: list[Part] = field(default_factory=list)
    front_matter: list[Block] = field(default_factory=list)
    photos: list[Block] = field(default_factory=list)
    audit: list[AuditRecord] = field(default_factory=list)
    # the book's own 目录 and 条目索引 as parsed (FindingAids); None for
    # volumes without them (reports)
    finding_aids: FindingAids | None = None
    # what the text says of its own structure, for `check` to hold the
    # outline against: the 编辑说明's 篇 list, the title of every 【title】
    # that opens an entry in the text, whether it printed page numbers
    part_list: list[str] = field(default_factory=list)
    bracket_titles: list[str] = field(default_factory=list)
    printed_pages: bool = False

    @property
    def id(self) -> str:
        return self.spec.id

    def entries(self):
        """Yield (part, chapter, entry) in reading order."""
        for part in self.parts:
            for chapter in part.chapters:
                for entry in chapter.entries:
                    yield part, chapter, entry
