"""A neutral document as DOCX (python-docx): Word's own heading styles, header rows that repeat on
every page, the edition's language in the styles and properties (kgo.documents.docx_template), A4,
page numbers in the footer, guidance notes in a shaded box of their own style."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kgo.documents import layout
from kgo.documents.content import text
from kgo.documents.docx_template import IDS, W, child, template
from kgo.documents.model import Document, Heading, Note, PageBreak, Paragraph, Points, Table
from kgo.documents.package import repack, stamp
from kgo.editions.model import edition

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _page(d: Any, doc: Document, ids: dict[str, str]) -> None:
    section = d.sections[0]
    width, height = (layout.A4_HEIGHT, layout.A4_WIDTH) if doc.landscape else (layout.A4_WIDTH, layout.A4_HEIGHT)
    section.orientation = WD_ORIENT.LANDSCAPE if doc.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = Mm(layout.MARGIN)
    section.top_margin, section.bottom_margin = Mm(layout.MARGIN), Mm(layout.MARGIN)
    section.footer_distance = Mm(layout.FOOTER_DISTANCE)
    paragraph = section.footer.paragraphs[0]
    paragraph._p.style = ids["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, middle, after = layout.split_page_of(text("page_of", doc.lang, "\0", "\0"))
    paragraph.add_run(before)
    _field(paragraph, "PAGE")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(after)


def _field(paragraph: Any, instruction: str) -> None:
    field = parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    paragraph._p.append(field)


def _add(d: Any, content: str, style_id: str, align: str = "") -> Any:
    """A paragraph of a style given by id (python-docx's lookup by name is slow)."""
    paragraph = d.add_paragraph(content)
    paragraph._p.style = style_id
    if align:
        paragraph.alignment = ALIGN[align]
    return paragraph


def _table(d: Any, table: Table, ids: dict[str, str], width_mm: float) -> None:
    if table.caption:
        _add(d, table.caption, ids["Caption"])
    grid = d.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = d.styles["Table Grid"]
    grid.autofit = False
    margins = child(grid._tbl.tblPr, "w:tblCellMar")
    for side in ("left", "right"):   # 1 mm: narrow columns keep their words whole
        child(margins, f"w:{side}", w=str(layout.CELL_MARGIN_TWIPS), type="dxa")
    widths = layout.column_widths(table, width_mm)
    for i, column in enumerate(grid.columns):
        column.width = Mm(widths[i])
    for r, row in enumerate(grid.rows):
        trpr = row._tr.get_or_add_trPr()
        child(trpr, "w:cantSplit")
        values = table.columns if r == 0 else table.rows[r - 1]
        if r == 0:
            child(trpr, "w:tblHeader")   # repeats on every page
        elif not any(values):
            child(trpr, "w:trHeight", val=str(layout.BLANK_ROW_TWIPS), hRule="atLeast")
        for c, cell in enumerate(row.cells):
            cell.width = Mm(widths[c])
            if r == 0:
                child(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=layout.HEADER_FILL)
            lines = str(values[c]).split("\n")
            style = ids["table_heading" if r == 0 else "table_text"]
            first = cell.paragraphs[0]
            first.add_run(lines[0]).bold = True if r and c == table.title_column and len(lines) > 1 else None
            first._p.style = style
            for line in lines[1:]:
                cell.add_paragraph(line)._p.style = style
    _add(d, "", ids["Normal"]).paragraph_format.space_after = Pt(0)


def _note(d: Any, note: Note, ids: dict[str, str], last: bool) -> None:
    paragraph = _add(d, "", ids["note"])
    if note.label:
        paragraph.add_run(note.label + (" " if note.text else "")).bold = True
    if note.text:
        paragraph.add_run(note.text)
    if note.cite:
        paragraph.add_run("\n")
        paragraph.add_run(note.cite)._r.style = ids["source"]
    if last:
        paragraph.paragraph_format.space_after = Pt(10)


def write_docx(doc: Document, seconds: int) -> bytes:
    """The document as DOCX bytes, reproducible for the same ``seconds`` (SOURCE_DATE_EPOCH)."""
    d = docx.Document(io.BytesIO(template(doc.lang)))
    ids = IDS
    _page(d, doc, ids)
    width = layout.text_width(doc.landscape)
    body = d.element.body
    for first in list(body):
        if first.tag == qn("w:p"):   # the template's empty first paragraph
            body.remove(first)
    blocks = doc.blocks
    page_break = False
    for i, block in enumerate(blocks):
        before = len(body) - 1   # the body ends with the section's properties
        if isinstance(block, PageBreak):
            page_break = True
            continue
        if isinstance(block, Heading):
            _add(d, block.text, ids[f"Heading {block.level}"], block.align)
        elif isinstance(block, Paragraph):
            _add(d, block.text, ids["article_title" if block.role == "article-title" else "Normal"], block.align)
        elif isinstance(block, Points):
            for item in block.items:
                _add(d, item, ids["points"])
        elif isinstance(block, Note):
            _note(d, block, ids, last=i + 1 == len(blocks) or not isinstance(blocks[i + 1], Note))
        elif isinstance(block, Table):
            _table(d, block, ids, width)
        if page_break:   # the block's first paragraph starts the new page
            first = next(e for e in list(body)[before:-1] if e.tag == qn("w:p"))
            child(first.get_or_add_pPr(), "w:pageBreakBefore")
            page_break = False
    _properties(d, doc, seconds)
    out = io.BytesIO()
    d.save(out)
    return repack(out.getvalue(), seconds)


def _properties(d: Any, doc: Document, seconds: int) -> None:
    props = d.core_properties
    props.title, props.subject = doc.title, doc.subject
    props.author = props.last_modified_by = doc.creator
    props.comments = doc.comments
    props.language = edition(doc.lang).region_lang
    props.keywords, props.category = "", ""
    props.created = props.modified = stamp(seconds).replace(tzinfo=None)
    props.revision = 1
