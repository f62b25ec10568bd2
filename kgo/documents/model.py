"""The neutral document: what the DOCX, ODT and spreadsheet writers lay out.

Every text is already in the edition's language and script. A document is a list of blocks in
reading order; tables also make the sheets of a spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    level: int                 # 1 = Heading 1 (the act's kind, a form's title), 2, 3 (an article)
    text: str
    align: str = "left"        # left | center


@dataclass(frozen=True)
class Paragraph:
    text: str
    align: str = "left"        # left | center | right | justify
    role: str = "body"         # body | article-title (the short title above "Član 1.")


@dataclass(frozen=True)
class Points:
    """Numbered points of an article, already numbered: '1) …'."""
    items: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    """Guidance for whoever fills in the document, styled so that it is easy to find and delete.

    ``cite`` is a source reference as published (title, publisher, address): it keeps its script."""
    text: str
    label: str = ""
    cite: str = ""


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()  # a row of empty cells is a row to fill in (taller)
    widths: tuple[float, ...] = ()  # relative column widths; from the texts when empty
    choices: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (column, answers) offered in a spreadsheet
    title_column: int = -1   # in this column a cell's first line is its title, in bold (the checklists)

    def relative_widths(self) -> tuple[float, ...]:
        """The given widths, else from the texts of each column: its longest word (never broken)
        and its average length, an empty cell counting as room to write in."""
        if self.widths:
            return self.widths
        out = []
        for i, column in enumerate(self.columns):
            cells = [row[i] if i < len(row) else "" for row in self.rows]
            lengths = [len(column), *(len(c) if c else 30 for c in cells)]
            longest_word = max((len(w) for x in (column, *cells) for w in x.split()), default=4)
            out.append(max(longest_word * 0.7, min(sum(lengths) / len(lengths), 45.0), 5.0))
        return tuple(out)


@dataclass(frozen=True)
class PageBreak:
    """What follows starts on a new page (a second act in one file, the notes on the legal basis)."""


Block = Heading | Paragraph | Points | Note | Table | PageBreak


@dataclass(frozen=True)
class Document:
    lang: str                  # edition code: sr, cyr, en
    title: str
    subject: str               # the publication it comes from
    creator: str               # the project that publishes it
    licence: str               # where it comes from and its licence, for the comments and guidance
    licence_url: str           # the licence's address
    blocks: tuple[Block, ...]
    landscape: bool = False
    sheets: tuple[Table, ...] = field(default=())   # tables of the spreadsheet, one sheet each
    guidance: tuple[str, ...] = field(default=())   # the spreadsheet's guidance sheet, one line each
    guidance_title: str = ""

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def comments(self) -> str:
        """The document's comments (description) property: publication, licence and its address."""
        return f"{self.licence} {self.licence_url}"
