"""Tabular documents as spreadsheets: XLSX (openpyxl) and ODS (odfpy).

One sheet per table with its header row in bold, repeated on every printed page, A4 landscape
fitted to the page width, page numbers in the footer, the answers of a checklist offered as a
list; a last sheet holds the guidance (title, how to fill it in, licence).
"""

from __future__ import annotations

import io
import re
from typing import Any

from odf import dc, meta
from odf.namespaces import LOEXTNS
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import (
    DefaultStyle,
    FontFace,
    Footer,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import ContentValidation, ContentValidations, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.table import Table as OdfTable
from odf.teletype import addTextToElement
from odf.text import P, PageCount, PageNumber
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kgo.documents import layout
from kgo.documents.content import text
from kgo.documents.model import Document, Table
from kgo.documents.package import repack, repack_odf, stamp
from kgo.editions.model import edition

VALIDATED_ROWS = 500           # rows of a list column that offer the answers
MAX_CHARS = 35                 # the widest column, in characters (longer texts wrap)
LINE_PT = 13                   # height of one line of 10 pt text
GRID = "808080"                # borders of the table's cells
MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def sheet_names(doc: Document) -> list[str]:
    """Names of the sheets: the tables' captions made valid (31 characters, no []:*?/\\), unique."""
    names: list[str] = []
    for table in (*doc.sheets, Table(doc.guidance_title, ())):
        name = re.sub(r"[\[\]:*?/\\]", "", table.caption or doc.title).strip()[:31].strip()
        base, n = name, 2
        while name in names:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def _widths(table: Table) -> list[float]:
    """Column widths in characters: room for the longest word and, up to a limit, the longest text
    (printing fits the sheet to the page width)."""
    out = []
    for i, column in enumerate(table.columns):
        texts = [column, *(row[i] for row in table.rows)]
        longest_word = max((len(w) for x in texts for w in x.split()), default=6)
        longest_line = max((len(line) for x in texts for line in x.split("\n")), default=6)
        out.append(float(max(longest_word + 2, min(longest_line + 2, MAX_CHARS), 10)))
    return out


def _height(values: tuple[str, ...], widths: list[float], bold: bool = False) -> float:
    """Height of a row in points: its tallest cell, with a little to spare (a row that is too short
    hides its last line; printing scaled to the page width makes text a little taller; bold is wider)."""
    scale = 0.85 if bold else 1.0
    lines = max((_lines(v, w * scale) for v, w in zip(values, widths, strict=True)), default=1)
    return round(lines * LINE_PT * 1.08 + 3, 1)


def _lines(value: str, width: float) -> int:
    """How many lines a wrapped text takes in a column ``width`` characters wide (an estimate:
    XLSX stores row heights, and spreadsheet programs do not all recompute them on opening)."""
    return sum(max(1, -(-len(line) // max(1, int(width * 1.05)))) for line in str(value).split("\n"))


# --- XLSX ----------------------------------------------------------------------------------------

def write_xlsx(doc: Document, seconds: int) -> bytes:
    """The document's tables as an XLSX workbook, reproducible for the same ``seconds``."""
    wb = Workbook()
    body = Font(name=layout.SANS, size=10)
    bold = Font(name=layout.SANS, size=10, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    side = Side(style="thin", color=GRID)
    border = Border(left=side, right=side, top=side, bottom=side)   # printed, unlike the grid
    names = sheet_names(doc)
    page_of = text("page_of", doc.lang, "&P", "&N")
    for index, table in enumerate(doc.sheets):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = names[index]
        ws.append(list(table.columns))
        for row in table.rows:
            ws.append(list(row))
        for cells in ws.iter_rows():
            for cell in cells:
                cell.font, cell.alignment, cell.border = (bold if cell.row == 1 else body), wrap, border
                if cell.row == 1:
                    cell.fill = PatternFill("solid", fgColor=layout.HEADER_FILL)
        widths = _widths(table)
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
        for number, values in enumerate((table.columns, *table.rows), start=1):
            ws.row_dimensions[number].height = _height(values, widths, bold=number == 1)
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        for column, answers in table.choices:
            letter = get_column_letter(column + 1)
            rule = DataValidation(type="list", formula1='"' + ",".join(answers) + '"', allow_blank=True)
            rule.add(f"{letter}2:{letter}{VALIDATED_ROWS}")
            ws.add_data_validation(rule)
        _print_setup(ws, page_of)
    guide = wb.create_sheet(names[-1])
    guide.column_dimensions["A"].width = 100
    for n, line in enumerate((*doc.guidance, doc.licence, doc.licence_url), start=1):
        guide.row_dimensions[n].height = _height((line,), [100])
        cell = guide.cell(row=n, column=1, value=line)
        cell.font, cell.alignment = (bold if n == 1 else body), wrap
    _print_setup(guide, page_of)
    props = wb.properties
    props.title, props.subject, props.creator, props.lastModifiedBy = doc.title, doc.subject, doc.creator, doc.creator
    props.description, props.language = doc.comments, edition(doc.lang).region_lang
    props.created = props.modified = stamp(seconds).replace(tzinfo=None)
    out = io.BytesIO()
    wb.save(out)
    # openpyxl writes the time of saving as the modification time; the build's time replaces it.
    when = stamp(seconds).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    fixed = {"docProps/core.xml": lambda xml: MODIFIED.sub(rb"\g<1>" + when + rb"\g<2>", xml)}
    return repack(out.getvalue(), seconds, fixed)


def _print_setup(ws: Any, page_of: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = page_of
    ws.oddFooter.center.font = layout.SANS


# --- ODS -----------------------------------------------------------------------------------------

def write_ods(doc: Document, seconds: int) -> bytes:
    """The document's tables as an ODS workbook, reproducible for the same ``seconds``."""
    ods = OpenDocumentSpreadsheet()
    for name, (_alt, family) in layout.FALLBACK.items():
        ods.fontfacedecls.addElement(FontFace(name=name, fontfamily=f"'{name}'", fontfamilygeneric=family,
                                              fontpitch="variable"))
    default = DefaultStyle(family="table-cell")
    default.addElement(TextProperties(**layout.odf_font(layout.SANS), fontsize="10pt", **layout.odf_language(doc.lang)))
    ods.styles.addElement(default)
    border = f"0.5pt solid #{GRID}"   # printed, unlike the grid
    cell = _automatic(ods, "ce1", "table-cell", TableCellProperties(wrapoption="wrap", verticalalign="top",
                                                                    border=border))
    head = _automatic(ods, "ce2", "table-cell", TableCellProperties(
        wrapoption="wrap", verticalalign="top", backgroundcolor=f"#{layout.HEADER_FILL}", border=border),
        TextProperties(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold"))
    plain = _automatic(ods, "ce3", "table-cell", TableCellProperties(wrapoption="wrap", verticalalign="top"))
    plain_bold = _automatic(ods, "ce4", "table-cell", TableCellProperties(wrapoption="wrap", verticalalign="top"),
                            TextProperties(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold"))
    _ods_page(ods, doc)
    names = sheet_names(doc)
    validations = ContentValidations()
    for index, table in enumerate(doc.sheets):
        for column, answers in table.choices:
            options = ";".join('"' + a.replace('"', '""') + '"' for a in answers)
            validations.addElement(ContentValidation(
                name=f"answers{index}-{column}", allowemptycell="true", displaylist="unsorted",
                condition=f"of:cell-content-is-in-list({options})", basecelladdress=f"'{names[index]}'.A1"))
    if validations.childNodes:
        ods.spreadsheet.addElement(validations)
    for index, table in enumerate(doc.sheets):
        lists = {column: f"answers{index}-{column}" for column, _ in table.choices}
        sheet = OdfTable(name=names[index])
        for n, width in enumerate(_widths(table)):
            sheet.addElement(TableColumn(stylename=_automatic(
                ods, f"co{index}-{n}", "table-column", TableColumnProperties(columnwidth=f"{width * 0.21:.2f}cm"))))
        header = TableHeaderRows()
        widths = _widths(table)
        header.addElement(_ods_row(ods, table.columns, widths, head, {}, bold=True))
        sheet.addElement(header)
        for row in table.rows:
            sheet.addElement(_ods_row(ods, row, widths, cell, lists))
        ods.spreadsheet.addElement(sheet)
    guide = OdfTable(name=names[-1])
    guide.addElement(TableColumn(stylename=_automatic(ods, "co-guide", "table-column",
                                                      TableColumnProperties(columnwidth="21cm"))))
    for n, line in enumerate((*doc.guidance, doc.licence, doc.licence_url)):
        guide.addElement(_ods_row(ods, (line,), [100], plain_bold if n == 0 else plain, {}))
    ods.spreadsheet.addElement(guide)
    when = stamp(seconds).strftime("%Y-%m-%dT%H:%M:%S")
    for element in (dc.Title(text=doc.title), dc.Subject(text=doc.subject), dc.Description(text=doc.comments),
                    dc.Language(text=edition(doc.lang).region_lang), meta.InitialCreator(text=doc.creator),
                    dc.Creator(text=doc.creator), meta.CreationDate(text=when), dc.Date(text=when)):
        ods.meta.addElement(element)
    out = io.BytesIO()
    ods.write(out)
    return repack_odf(out.getvalue(), seconds)


def _automatic(ods: Any, name: str, family: str, *props: Any) -> Style:
    """The automatic style ``name``, made with ``props`` on first use."""
    for existing in ods.automaticstyles.childNodes:
        if existing.getAttribute("name") == name:
            return existing
    style = Style(name=name, family=family)
    for prop in props:
        style.addElement(prop)
    ods.automaticstyles.addElement(style)
    return style


def _ods_row(ods: Any, values: tuple[str, ...], widths: list[float], style: Any, lists: dict[int, str],
             bold: bool = False) -> Any:
    height = _height(values, widths, bold)
    row = TableRow(stylename=_automatic(ods, f"ro-{height}", "table-row", TableRowProperties(
        rowheight=f"{height}pt", useoptimalrowheight="false")))
    for column, value in enumerate(values):
        extra = {"contentvalidationname": lists[column]} if column in lists else {}
        cell = TableCell(stylename=style, valuetype="string", **extra)
        for line in str(value).split("\n") if value else []:
            paragraph = P()
            addTextToElement(paragraph, line)
            cell.addElement(paragraph)
        row.addElement(cell)
    return row


def _ods_page(ods: Any, doc: Document) -> None:
    page = PageLayout(name="A4L")
    props = PageLayoutProperties(pagewidth=f"{layout.A4_HEIGHT}mm", pageheight=f"{layout.A4_WIDTH}mm",
                                 printorientation="landscape", margin=f"{layout.FOOTER_DISTANCE}mm")
    props.setAttrNS(LOEXTNS, "scale-to-X", "1")   # LibreOffice: fit the width on one page
    props.setAttrNS(LOEXTNS, "scale-to-Y", "0")
    page.addElement(props)
    ods.automaticstyles.addElement(page)
    master = MasterPage(name="Default", pagelayoutname=page)
    footer = Footer()
    line = P()
    before, middle, after = layout.split_page_of(text("page_of", doc.lang, "\0", "\0"))
    addTextToElement(line, before)
    line.addElement(PageNumber(selectpage="current", text="1"))
    addTextToElement(line, middle)
    line.addElement(PageCount(text="1"))
    addTextToElement(line, after)
    footer.addElement(line)
    master.addElement(footer)
    ods.masterstyles.addElement(master)
