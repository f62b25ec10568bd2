"""A neutral document as ODT (odfpy), laid out like the DOCX: LibreOffice's heading styles with
outline levels, header rows that repeat on every page (table:table-header-rows), the edition's
language in the default style and the metadata, Noto fonts with their generic family, A4, page
numbers in the footer, guidance notes in a shaded box of their own style."""

from __future__ import annotations

import io
from typing import Any

from odf import dc, meta
from odf.namespaces import TEXTNS
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    FontFace,
    Footer,
    FooterStyle,
    HeaderFooterProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow
from odf.teletype import addTextToElement
from odf.text import H, P, PageCount, PageNumber, Span

from kgo.documents import layout
from kgo.documents.content import text
from kgo.documents.model import Document, Heading, Note, PageBreak, Paragraph, Points, Table
from kgo.documents.package import repack_odf, stamp
from kgo.editions.model import edition

BORDER = "0.5pt solid #000000"
# The document's own paragraph styles: fixed names, display names in the edition's language.
OWN = {"note": "GuidanceNote", "article_title": "ArticleTitle", "table_heading": "Table_20_Heading",
       "table_text": "Table_20_Contents", "points": "Points"}


class _Styles:
    """The styles of one document: named ones a clerk sees, automatic ones made on demand."""

    def __init__(self, odt: Any, lang: str):
        self.odt = odt
        self.lang = lang
        self.auto: dict[str, Style] = {}
        self.by_name: dict[str, Style] = {}
        for name, (_alt, family) in layout.FALLBACK.items():
            odt.fontfacedecls.addElement(FontFace(name=name, fontfamily=f"'{name}'", fontfamilygeneric=family,
                                              fontpitch="variable"))
        default = DefaultStyle(family="paragraph")
        default.addElement(TextProperties(**layout.odf_font(layout.SERIF), fontsize=f"{layout.BODY_PT}pt",
                                          **layout.odf_language(lang)))
        odt.styles.addElement(default)
        self.named("Standard", "Standard", None, layout.SERIF, layout.BODY_PT, after="0.21cm", line="115%")
        for level, size in ((1, 14), (2, 12), (3, 11)):
            style = self.named(f"Heading_20_{level}", f"Heading {level}", "Standard", layout.SANS, size, bold=True,
                               before="0.64cm" if level == 1 else "0.42cm", after="0.21cm", keep=True)
            style.setAttribute("defaultoutlinelevel", str(level))
        self.named("Caption", "Caption", "Standard", layout.SANS, 9, bold=True, before="0.21cm", after="0.1cm",
                   keep=True)
        self.named("Footer", "Footer", "Standard", layout.SANS, 8, color=layout.GREY, align="center")
        self.names = {key: text(f"style_{key}", lang) for key in ("note", "source", "article_title", "table_heading",
                                                                   "table_text", "points")}
        self.named(OWN["note"], self.names["note"], "Standard", layout.SANS, 9.5, after="0.07cm", line="100%",
                          backgroundcolor=f"#{layout.NOTE_FILL}", border=f"0.5pt solid #{layout.NOTE_BORDER}",
                          borderleft=f"3pt solid #{layout.NOTE_BORDER}", padding="0.15cm", joinborder="true",
                   marginleft="0.25cm", marginright="0.25cm")
        self.named(OWN["article_title"], self.names["article_title"], "Standard", layout.SERIF,
                   layout.BODY_PT, before="0.42cm", after="0cm", keep=True, align="center")
        self.named(OWN["table_heading"], self.names["table_heading"], "Standard", layout.SANS, 9, bold=True,
                   after="0cm", line="100%")
        self.named(OWN["table_text"], self.names["table_text"], "Standard", layout.SANS, 9, after="0.07cm",
                   line="100%")
        self.named(OWN["points"], self.names["points"], "Standard", layout.SERIF, layout.BODY_PT,
                   after="0.1cm", marginleft="1cm", textindent="-0.5cm")
        source = Style(name="GuidanceSource", displayname=self.names["source"], family="text")
        source.addElement(TextProperties(**layout.odf_font(layout.SANS), fontsize="8.5pt", color=f"#{layout.GREY}"))
        odt.styles.addElement(source)
        bold = Style(name="Bold", family="text")
        bold.addElement(TextProperties(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold"))
        odt.automaticstyles.addElement(bold)

    def named(self, name: str, display: str, parent: str | None, font: str, size: float, *, bold: bool = False,
              color: str = "000000", before: str = "0cm", after: str = "0.21cm", keep: bool = False,
              align: str = "", line: str = "", **para: str) -> Style:
        style = Style(name=name.replace(" ", "_20_"), displayname=display, family="paragraph",
                      **({"parentstylename": parent} if parent else {}))
        props = {"margintop": before, "marginbottom": after, **para}
        if keep:
            props["keepwithnext"] = "always"
        if align:
            props["textalign"] = align
        if line:
            props["lineheight"] = line
        style.addElement(ParagraphProperties(**props))
        text_props = {**layout.odf_font(font), "fontsize": f"{size}pt", "color": f"#{color}"}
        if bold:
            text_props.update(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold")
        style.addElement(TextProperties(**text_props))
        self.odt.styles.addElement(style)
        self.by_name[style.getAttribute("name")] = style
        return style

    def aligned(self, parent: Style, align: str) -> Style:
        """An automatic paragraph style: ``parent`` with another alignment."""
        if align == "left":
            return parent
        key = f"{parent.getAttribute('name')}-{align}"
        if key not in self.auto:
            style = Style(name=f"P{len(self.auto) + 1}", family="paragraph", parentstylename=parent)
            style.addElement(ParagraphProperties(textalign=align))
            self.odt.automaticstyles.addElement(style)
            self.auto[key] = style
        return self.auto[key]

    def automatic(self, key: str, family: str, props: Any, parent: Style | None = None) -> Style:
        """An automatic style (made once per document for ``key``)."""
        if key not in self.auto:
            extra = {"parentstylename": parent} if parent is not None else {}
            style = Style(name=f"{family[0].upper()}{len(self.auto) + 1}", family=family, **extra)
            style.addElement(props)
            self.odt.automaticstyles.addElement(style)
            self.auto[key] = style
        return self.auto[key]

    def breaking(self, name: str) -> Style:
        """An automatic style like the style ``name`` that starts a new page (an automatic style
        cannot be the parent of another, so an aligned one is copied)."""
        key = f"break-{name}"
        if key not in self.auto:
            aligned = next((s for s in self.auto.values() if s.getAttribute("name") == name), None)
            parent, props = name, {"breakbefore": "page"}
            if aligned is not None:
                parent = aligned.getAttribute("parentstylename")
                props["textalign"] = aligned.getElementsByType(ParagraphProperties)[0].getAttribute("textalign")
            style = Style(name=f"P{len(self.auto) + 1}", family="paragraph", parentstylename=parent)
            style.addElement(ParagraphProperties(**props))
            self.odt.automaticstyles.addElement(style)
            self.auto[key] = style
        return self.auto[key]

    def get(self, key: str) -> Style:
        """A named paragraph style: 'note', 'points', … or a built-in name such as 'Heading 1'."""
        return self.by_name[OWN.get(key, key.replace(" ", "_20_"))]


def _page(odt: Any, doc: Document, styles: _Styles) -> None:
    width, height = (layout.A4_HEIGHT, layout.A4_WIDTH) if doc.landscape else (layout.A4_WIDTH, layout.A4_HEIGHT)
    page = PageLayout(name="A4")
    page.addElement(PageLayoutProperties(
        pagewidth=f"{width}mm", pageheight=f"{height}mm", printorientation="landscape" if doc.landscape else "portrait",
        margintop=f"{layout.MARGIN}mm", marginbottom=f"{layout.FOOTER_DISTANCE}mm",
        marginleft=f"{layout.MARGIN}mm", marginright=f"{layout.MARGIN}mm"))
    footer_style = FooterStyle()
    gap = layout.MARGIN - layout.FOOTER_DISTANCE - 5   # the text ends MARGIN above the page's edge
    footer_style.addElement(HeaderFooterProperties(minheight="5mm", margintop=f"{gap}mm"))
    page.addElement(footer_style)
    odt.automaticstyles.addElement(page)
    master = MasterPage(name="Standard", pagelayoutname=page)
    footer = Footer()
    line = P(stylename=styles.get("Footer"))
    before, middle, after = layout.split_page_of(text("page_of", doc.lang, "\0", "\0"))
    addTextToElement(line, before)
    line.addElement(PageNumber(selectpage="current", text="1"))
    addTextToElement(line, middle)
    line.addElement(PageCount(text="1"))
    addTextToElement(line, after)
    footer.addElement(line)
    master.addElement(footer)
    odt.masterstyles.addElement(master)


def _paragraph(style: Any, content: str) -> Any:
    paragraph = P(stylename=style)
    addTextToElement(paragraph, content)
    return paragraph


def _table(odt: Any, table: Table, styles: _Styles, number: int, width_mm: float) -> None:
    if table.caption:
        odt.text.addElement(_paragraph(styles.get("Caption"), table.caption))
    grid = OdfTable(name=f"Table{number}", stylename=styles.automatic(
        f"table-{width_mm}", "table", TableProperties(width=f"{width_mm}mm", align="left")))
    for width in layout.column_widths(table, width_mm):
        grid.addElement(TableColumn(stylename=styles.automatic(
            f"column-{width}", "table-column", TableColumnProperties(columnwidth=f"{width}mm"))))
    row_style = styles.automatic("row", "table-row", TableRowProperties(keeptogether="always"))
    blank_style = styles.automatic("row-blank", "table-row", TableRowProperties(
        keeptogether="always", minrowheight=f"{layout.BLANK_ROW_MM}mm"))
    cell_style = styles.automatic("cell", "table-cell", TableCellProperties(border=BORDER, padding="1mm"))
    head_style = styles.automatic("cell-head", "table-cell", TableCellProperties(
        border=BORDER, padding="1mm", backgroundcolor=f"#{layout.HEADER_FILL}"))
    header = TableHeaderRows()   # repeated at the top of every page
    header.addElement(_row(table.columns, row_style, head_style, styles.get("table_heading"), False))
    grid.addElement(header)
    for values in table.rows:
        grid.addElement(_row(values, row_style if any(values) else blank_style, cell_style,
                             styles.get("table_text"), table.title_column))
    odt.text.addElement(grid)
    odt.text.addElement(_paragraph(styles.get("Standard"), ""))


def _row(values: tuple[str, ...], row_style: Any, cell_style: Any, para_style: Any, title_column: int) -> Any:
    row = TableRow(stylename=row_style)
    for column, value in enumerate(values):
        cell = TableCell(stylename=cell_style, valuetype="string")
        lines = str(value).split("\n")
        for n, line in enumerate(lines):
            paragraph = P(stylename=para_style)
            if n == 0 and column == title_column and len(lines) > 1:
                span = Span(stylename="Bold")
                addTextToElement(span, line)
                paragraph.addElement(span)
            else:
                addTextToElement(paragraph, line)
            cell.addElement(paragraph)
        row.addElement(cell)
    return row


def _note(odt: Any, note: Note, styles: _Styles, last: bool) -> None:
    paragraph = P(stylename=styles.get("note"))
    if note.label:
        span = Span(stylename="Bold")
        addTextToElement(span, note.label + (" " if note.text else ""))
        paragraph.addElement(span)
    if note.text:
        addTextToElement(paragraph, note.text)
    if note.cite:
        odt.text.addElement(paragraph)
        paragraph = P(stylename=styles.get("note"))
        span = Span(stylename="GuidanceSource")
        addTextToElement(span, note.cite)
        paragraph.addElement(span)
    if last:   # space between the box and what follows
        paragraph.setAttribute("stylename", styles.automatic("note-last", "paragraph", ParagraphProperties(
            marginbottom="0.35cm"), parent=styles.get("note")))
    odt.text.addElement(paragraph)


def _metadata(odt: Any, doc: Document, seconds: int) -> None:
    when = stamp(seconds).strftime("%Y-%m-%dT%H:%M:%S")
    for element in (dc.Title(text=doc.title), dc.Subject(text=doc.subject), dc.Description(text=doc.comments),
                    dc.Language(text=edition(doc.lang).region_lang), meta.InitialCreator(text=doc.creator),
                    dc.Creator(text=doc.creator), meta.CreationDate(text=when), dc.Date(text=when)):
        odt.meta.addElement(element)


def write_odt(doc: Document, seconds: int) -> bytes:
    """The document as ODT bytes, reproducible for the same ``seconds`` (SOURCE_DATE_EPOCH)."""
    odt = OpenDocumentText()
    styles = _Styles(odt, doc.lang)
    _page(odt, doc, styles)
    width = layout.text_width(doc.landscape)
    tables = 0
    blocks = doc.blocks
    page_break = False
    for i, block in enumerate(blocks):
        before = len(odt.text.childNodes)
        if isinstance(block, PageBreak):
            page_break = True
            continue
        if isinstance(block, Heading):
            heading = H(outlinelevel=block.level, stylename=styles.aligned(
                styles.get(f"Heading {block.level}"), block.align))
            addTextToElement(heading, block.text)
            odt.text.addElement(heading)
        elif isinstance(block, Paragraph):
            base = styles.get("article_title" if block.role == "article-title" else "Standard")
            odt.text.addElement(_paragraph(styles.aligned(base, block.align), block.text))
        elif isinstance(block, Points):
            for item in block.items:
                odt.text.addElement(_paragraph(styles.get("points"), item))
        elif isinstance(block, Note):
            _note(odt, block, styles, last=i + 1 == len(blocks) or not isinstance(blocks[i + 1], Note))
        elif isinstance(block, Table):
            tables += 1
            _table(odt, block, styles, tables, width)
        if page_break:   # the block's first paragraph starts the new page
            first = odt.text.childNodes[before]
            first.setAttribute("stylename", styles.breaking(first.getAttrNS(TEXTNS, "style-name")))
            page_break = False
    _metadata(odt, doc, seconds)
    out = io.BytesIO()
    odt.write(out)
    return repack_odf(out.getvalue(), seconds)
