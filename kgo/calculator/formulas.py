"""Formulas written once and rendered for Excel (XLSX) and OpenDocument (ODS).

The neutral notation is Excel's syntax with two changes: a reference is written between « and »
with the sheet's code (``«input!B5»``, ``«params!$C$4»``, ``«N:B5:B44»`` …; no sheet for a cell of
the same sheet: ``«B5»``), and boolean constants are written as functions (``FALSE()``). The
renderers put in the sheets' titles of the edition and, for ODS, OpenFormula's brackets and ``;``.
Only functions that Excel and LibreOffice share are used: IF, AND, OR, NOT, ISNUMBER, LEN, TRIM,
MIN, MAX, ABS, COUNT, COUNTA, ROUND, RANK, INT, SUMIF.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

REF_RE = re.compile(r"«(?:(?P<sheet>[a-z]+)!)?(?P<first>\$?[A-Z]{1,3}\$?\d+)(?::(?P<second>\$?[A-Z]{1,3}\$?\d+))?»")
STRING_RE = re.compile(r'"(?:[^"]|"")*"')


def column(index: int) -> str:
    """Spreadsheet column name of a 1-based column index: 1 -> A, 27 -> AA."""
    name = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def ref(sheet: str | None, row: int, col: int, fixed_row: bool = False, fixed_col: bool = False) -> str:
    """A reference in the neutral notation."""
    address = f"{'$' if fixed_col else ''}{column(col)}{'$' if fixed_row else ''}{row}"
    return f"«{sheet + '!' if sheet else ''}{address}»"


def span(sheet: str | None, row1: int, col1: int, row2: int, col2: int, fixed: bool = True) -> str:
    """A range in the neutral notation (absolute by default)."""
    mark = "$" if fixed else ""
    return (f"«{sheet + '!' if sheet else ''}{mark}{column(col1)}{mark}{row1}:"
            f"{mark}{column(col2)}{mark}{row2}»")


def text(value: str) -> str:
    """A string constant inside a formula."""
    return '"' + value.replace('"', '""') + '"'


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _outside_strings(formula: str, change) -> str:
    out, last = [], 0
    for match in STRING_RE.finditer(formula):
        out.append(change(formula[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(change(formula[last:]))
    return "".join(out)


def to_xlsx(formula: str, titles: Mapping[str, str]) -> str:
    def one(match: re.Match) -> str:
        sheet = f"{_quoted(titles[match['sheet']])}!" if match["sheet"] else ""
        return sheet + match["first"] + (f":{match['second']}" if match["second"] else "")

    return "=" + REF_RE.sub(one, formula)


def to_ods(formula: str, titles: Mapping[str, str]) -> str:
    def one(match: re.Match) -> str:
        sheet = f"${_quoted(titles[match['sheet']])}" if match["sheet"] else ""
        second = f":.{match['second']}" if match["second"] else ""
        return f"[{sheet}.{match['first']}{second}]"

    return "of:=" + _outside_strings(REF_RE.sub(one, formula), lambda part: part.replace(",", ";"))
