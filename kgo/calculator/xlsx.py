"""Write a :class:`kgo.calculator.model.Workbook` as XLSX (openpyxl).

Formulas are stored without cached values and the workbook asks for a full recalculation when it
opens, so Excel and LibreOffice compute every result from the inputs.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from kgo.calculator.formulas import column, to_xlsx
from kgo.calculator.model import Validation, Workbook

INPUT_FILL = PatternFill("solid", fgColor="FFF4C2")   # inputs: light yellow
PARAM_FILL = PatternFill("solid", fgColor="DDEBF7")   # parameters: light blue
NUMBER = "0.00"
FONTS = {"title": Font(bold=True, size=14), "label": Font(italic=True, color="555555"),
         "code": Font(bold=True), "note": Font(italic=True), "check": Font(color="9C0006")}


def _style(cell, style: str) -> None:
    if style in FONTS:
        cell.font = FONTS[style]
    if style == "input":
        cell.fill = INPUT_FILL
        cell.protection = Protection(locked=False)
    if style == "param":
        cell.fill = PARAM_FILL
        cell.protection = Protection(locked=False)
    if style == "result":
        cell.number_format = NUMBER
    if style in ("text", "note", "label"):
        cell.alignment = Alignment(wrap_text=style != "label", vertical="top")


def _validation(rule: Validation, cells: list[str]) -> DataValidation:
    kind = "whole" if rule.kind == "whole" else "decimal"
    low = f"{rule.low:g}"
    if rule.high is None:
        dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=low, allow_blank=True)
    else:
        dv = DataValidation(type=kind, operator="between", formula1=low, formula2=f"{rule.high:g}", allow_blank=True)
    dv.error, dv.errorTitle, dv.showErrorMessage = rule.message, rule.title, True
    dv.prompt, dv.promptTitle, dv.showInputMessage = rule.message, rule.title, False
    for address in cells:
        dv.add(address)
    return dv


def write_xlsx(book: Workbook, when: datetime) -> bytes:
    """The workbook as XLSX bytes (zip timestamps are fixed by kgo.calculator.files)."""
    out = OpenpyxlWorkbook()
    out.remove(out.active)
    titles = book.titles()
    for sheet in book.sheets:
        ws = out.create_sheet(sheet.title)
        used: dict[str, list[str]] = {}
        for (row, col), cell in sorted(sheet.cells.items()):
            target = ws.cell(row=row, column=col)
            if cell.formula is not None:
                target.value = to_xlsx(cell.formula, titles)
            elif cell.value is not None and cell.value != "":
                target.value = cell.value
            _style(target, cell.style)
            if cell.validation:
                used.setdefault(cell.validation, []).append(f"{column(col)}{row}")
        for key, cells in used.items():
            ws.add_data_validation(_validation(sheet.validations[key], cells))
        for col, width in sheet.widths.items():
            ws.column_dimensions[column(col)].width = width
        for col in sheet.hidden_columns:
            ws.column_dimensions[column(col)].hidden = True
        if sheet.code in ("input", "checks", "normalised", "dimensions", "index"):
            ws.freeze_panes = "B5"
    out.calculation.fullCalcOnLoad = True
    props = out.properties
    props.creator = props.lastModifiedBy = "Kreativni gradovi i opštine Srbije"
    props.title = book.title
    props.language = book.lang
    props.created = props.modified = when
    buffer = io.BytesIO()
    out.save(buffer)
    return _dated(buffer.getvalue(), when)


def _dated(data: bytes, when: datetime) -> bytes:
    """openpyxl stamps 'modified' with the time of saving; put the build's time there."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                                 content)
            target.writestr(info, content)
    return out.getvalue()
