"""The page and type of every editable document, shared by the writers: A4, margins, the project's
fonts (Noto Serif for text, Noto Sans for headings, tables and notes) with the generic family a
program falls back to when they are not installed, colours, column widths."""

from __future__ import annotations

from kgo.documents.model import Table
from kgo.editions.model import edition

SERIF, SANS = "Noto Serif", "Noto Sans"
# Font -> (a common font of the same kind, generic family): named in the font tables as fallbacks.
FALLBACK = {SERIF: ("Times New Roman", "roman"), SANS: ("Arial", "swiss")}
BODY_PT = 11
A4_WIDTH, A4_HEIGHT = 210, 297     # mm
MARGIN, FOOTER_DISTANCE = 20, 10   # mm
BLANK_ROW_MM = 9                   # height of a row to fill in by hand
BLANK_ROW_TWIPS = round(BLANK_ROW_MM / 25.4 * 1440)
GREY = "595959"
HEADER_FILL = "E7E6E6"             # header row of a table
NOTE_FILL, NOTE_BORDER = "FFF4CC", "C9A227"   # guidance notes: pale yellow box, ochre border


def text_width(landscape: bool) -> float:
    """Width of the text area in mm."""
    return (A4_HEIGHT if landscape else A4_WIDTH) - 2 * MARGIN


CHAR_MM = 2.25      # width of a character of 9 pt (bold) table text, generous: a fallback font may be wider
CELL_MARGIN_TWIPS = 57   # 1 mm
CELL_PADDING_MM = 2.2    # 1 mm padding on either side of a cell, and a little room


def column_widths(table: Table, total_mm: float) -> list[float]:
    """Column widths in mm, summing to ``total_mm``: first every column gets room for its longest
    word (a word is never broken across lines), the rest is shared by the table's relative widths."""
    weights = table.relative_widths()
    minimum = []
    for i, column in enumerate(table.columns):
        words = [w for text in (column, *(row[i] for row in table.rows)) for w in text.split()]
        minimum.append(max((len(w) for w in words), default=3) * CHAR_MM + CELL_PADDING_MM)
    if sum(minimum) >= total_mm:   # too many long words for the page: shrink in proportion
        return [round(m * total_mm / sum(minimum), 1) for m in minimum]
    widths = [w * total_mm / sum(weights) for w in weights]
    while True:   # columns below their minimum get it; the others share what is left
        short = [i for i, w in enumerate(widths) if w < minimum[i] - 0.01]
        if not short:
            break
        fixed = {i for i, w in enumerate(widths) if w <= minimum[i] + 0.01} | set(short)
        rest = total_mm - sum(minimum[i] for i in fixed)
        free = sum(weights[i] for i in range(len(weights)) if i not in fixed)
        widths = [minimum[i] if i in fixed else weights[i] * rest / free for i in range(len(weights))]
    return [round(w, 1) for w in widths]


def split_page_of(pattern: str) -> tuple[str, str, str]:
    """'Strana \\0 od \\0' -> ('Strana ', ' od ', ''): the texts around page number and page count."""
    before, middle, after = pattern.split("\0")
    return before, middle, after


def odf_language(lang: str) -> dict[str, str]:
    """ODF text properties of an edition's language: 'sr-Cyrl-RS' -> fo:language sr, fo:country RS,
    fo:script Cyrl and style:rfc-language-tag (odfpy's attribute names)."""
    tag = edition(lang).region_lang
    parts = tag.split("-")
    props = {"language": parts[0], "country": parts[-1], "rfclanguagetag": tag}
    if len(parts) == 3:
        props["script"] = parts[1]
    return props


def odf_font(name: str) -> dict[str, str]:
    """ODF text properties naming one font for every script."""
    return {"fontname": name, "fontnameasian": name, "fontnamecomplex": name}
