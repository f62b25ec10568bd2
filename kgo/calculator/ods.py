"""Write a :class:`kgo.calculator.model.Workbook` as ODS (odfpy), OpenDocument's spreadsheet.

Formulas are written in OpenFormula without cached values, so LibreOffice computes every result
when the file opens.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from odf import dc, meta
from odf.namespaces import nsdict
from odf.number import Number, NumberStyle
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TextProperties
from odf.table import ContentValidation, ContentValidations, ErrorMessage, Table, TableCell, TableColumn, TableRow
from odf.text import P

from kgo.calculator.formulas import column, to_ods
from kgo.calculator.model import Sheet, Validation, Workbook

CM_PER_CHARACTER = 0.21
COLOURS = {"input": "#fff4c2", "param": "#ddebf7"}
ROOT_TAG_RE = re.compile(rb"<office:document-[a-z]+[^>]*>")
XMLNS_RE = re.compile(rb'\s+xmlns:[a-z0-9]+="[^"]*"')


def _cell_styles(doc) -> dict[str, Style]:
    decimals = NumberStyle(name="N2")
    decimals.addElement(Number(decimalplaces="2", minintegerdigits="1"))
    doc.automaticstyles.addElement(decimals)
    styles = {}
    for name in ("title", "note", "label", "code", "input", "param", "text", "result", "rank", "check"):
        attrs = {"name": f"c-{name}", "family": "table-cell"}
        if name == "result":
            attrs["datastylename"] = "N2"
        style = Style(**attrs)
        cell_props = {"verticalalign": "top"}
        if name in COLOURS:
            cell_props["backgroundcolor"] = COLOURS[name]
        if name in ("text", "note"):
            cell_props["wrapoption"] = "wrap"
        style.addElement(TableCellProperties(**cell_props))
        text = {"title": {"fontweight": "bold", "fontsize": "14pt"}, "code": {"fontweight": "bold"},
                "label": {"fontstyle": "italic", "color": "#555555"}, "note": {"fontstyle": "italic"},
                "check": {"color": "#9c0006"}}.get(name)
        if text:
            style.addElement(TextProperties(**text))
        if name in ("text", "note"):
            style.addElement(ParagraphProperties())
        doc.automaticstyles.addElement(style)
        styles[name] = style
    return styles


def _condition(rule: Validation) -> str:
    kind = "cell-content-is-whole-number()" if rule.kind == "whole" else "cell-content-is-decimal-number()"
    if rule.high is None:
        return f"of:{kind} and cell-content()>={rule.low:g}"
    return f"of:{kind} and cell-content-is-between({rule.low:g};{rule.high:g})"


def _validations(doc, book: Workbook) -> dict[tuple[str, str], str]:
    """Every validation of every sheet as a named content validation; (sheet, key) -> name."""
    names: dict[tuple[str, str], str] = {}
    container = ContentValidations()
    for sheet in book.sheets:
        for key, rule in sheet.validations.items():
            name = f"val-{sheet.code}-{len(names) + 1}"
            names[(sheet.code, key)] = name
            item = ContentValidation(name=name, condition=_condition(rule), allowemptycell="true",
                                     basecelladdress=f"'{sheet.title}'.A1")
            message = ErrorMessage(title=rule.title, display="true", messagetype="stop")
            message.addElement(P(text=rule.message))
            item.addElement(message)
            container.addElement(item)
    doc.spreadsheet.addElement(container)
    return names


def _column_styles(doc, sheet: Sheet) -> list[Style]:
    _, cols = sheet.size
    out = []
    for col in range(1, cols + 1):
        width = sheet.widths.get(col, 12) * CM_PER_CHARACTER
        style = Style(name=f"co-{sheet.code}-{column(col)}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width:.2f}cm"))
        doc.automaticstyles.addElement(style)
        out.append(style)
    return out


def _table(doc, sheet: Sheet, titles, styles, validations) -> Table:
    table = Table(name=sheet.title)
    rows, cols = sheet.size
    for col, style in enumerate(_column_styles(doc, sheet), start=1):
        attrs = {"stylename": style}
        if col in sheet.hidden_columns:
            attrs["visibility"] = "collapse"
        table.addElement(TableColumn(**attrs))
    for row in range(1, rows + 1):
        tr = TableRow()
        for col in range(1, cols + 1):
            cell = sheet.cells.get((row, col))
            if cell is None:
                tr.addElement(TableCell())
                continue
            attrs = {"stylename": styles[cell.style]}
            if cell.validation:
                attrs["contentvalidationname"] = validations[(sheet.code, cell.validation)]
            if cell.formula is not None:
                tc = TableCell(formula=to_ods(cell.formula, titles), **attrs)
            elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                tc = TableCell(valuetype="float", value=repr(float(cell.value)), **attrs)
                tc.addElement(P(text=f"{cell.value:g}"))
            elif cell.value not in (None, ""):
                tc = TableCell(valuetype="string", **attrs)
                tc.addElement(P(text=str(cell.value)))
            else:
                tc = TableCell(**attrs)
            tr.addElement(tc)
        table.addElement(tr)
    return table


def write_ods(book: Workbook, when: datetime) -> bytes:
    """The workbook as ODS bytes (zip timestamps are fixed by kgo.calculator.files)."""
    doc = OpenDocumentSpreadsheet()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S")
    doc.meta.addElement(dc.Title(text=book.title))
    doc.meta.addElement(dc.Language(text=book.lang))
    doc.meta.addElement(meta.CreationDate(text=stamp))
    doc.meta.addElement(dc.Date(text=stamp))
    styles = _cell_styles(doc)
    validations = _validations(doc, book)
    titles = book.titles()
    for sheet in book.sheets:
        doc.spreadsheet.addElement(_table(doc, sheet, titles, styles, validations))
    buffer = io.BytesIO()
    doc.write(buffer)
    return _same_namespaces(buffer.getvalue())


def _same_namespaces(data: bytes) -> bytes:
    """odfpy declares on each root element the namespaces every document of the process has used
    so far; declare all it knows, in a fixed order, so the bytes do not depend on what was written
    before."""
    every = b"".join(b' xmlns:%s="%s"' % (prefix.encode(), uri.encode())
                     for uri, prefix in sorted(nsdict.items(), key=lambda item: item[1]))

    def root(match: re.Match) -> bytes:
        tag = XMLNS_RE.sub(b"", match.group(0))
        name_end = tag.index(b" ") if b" " in tag else len(tag) - 1
        return tag[:name_end] + every + tag[name_end:]

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.endswith(".xml") and info.filename != "META-INF/manifest.xml":
                content = ROOT_TAG_RE.sub(root, content, count=1)
            target.writestr(info, content)
    return out.getvalue()
