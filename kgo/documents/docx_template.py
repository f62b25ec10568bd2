"""python-docx's template made ours, once per edition: only the styles the documents use, with the
project's fonts (and their fallbacks in the font table), sizes, the edition's language, a shaded
guidance-note style; no thumbnail or Word 2010 extras. kgo.documents.writer_docx lays out on it."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from kgo.documents import layout
from kgo.documents.content import text
from kgo.editions.model import edition

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _fonts(rpr: Any, name: str) -> None:
    """Name the font for every script; theme fonts (which win over named ones) are removed."""
    fonts = child(rpr, "w:rFonts")
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


# The order of the children of the property elements this module and the writer touch (ECMA-376,
# WordprocessingML schema): Word refuses a document whose properties are out of order.
SEQUENCES = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
            "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
            "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"),
    "tblCellMar": ("top", "left", "start", "bottom", "right", "end"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
}


def child(parent: Any, tag: str, **attrs: str) -> Any:
    """The child ``tag`` of ``parent`` (made if missing, in the schema's order) with the attributes set."""
    node = parent.find(qn(tag))
    if node is None:
        node = OxmlElement(tag)
        sequence = SEQUENCES.get(parent.tag.rsplit("}", 1)[-1], ())
        name = tag.removeprefix("w:")
        later = {qn(f"w:{t}") for t in sequence[sequence.index(name) + 1:]} if name in sequence else set()
        position = next((i for i, existing in enumerate(parent) if existing.tag in later), len(parent))
        parent.insert(position, node)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), value)
    return node


def _style(styles: Any, name: str, kind: Any, base: str | None, font: str, size: float, *,
           bold: bool = False, italic: bool = False, color: str = "000000") -> Any:
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, kind)
    if base:
        style.base_style = styles[base]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = RGBColor.from_string(color)
    _fonts(style.element.get_or_add_rPr(), font)
    return style


def _paragraph_format(style: Any, before: float, after: float, *, keep_next: bool = False,
                      single: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep_next
    if single:
        fmt.line_spacing = 1.0


KEEP_STYLES = ("Normal", "Default Paragraph Font", "Normal Table", "No List", "Table Grid", "Caption",
               "Header", "Footer", *(f"Heading {n}" for n in (1, 2, 3)))
# The document's own styles: fixed ASCII ids, names in the edition's language (texts.yaml style_*).
OWN_STYLES = {"note": "GuidanceNote", "source": "GuidanceSource", "article_title": "ArticleTitle",
              "table_heading": "TableHeading", "table_text": "TableText", "points": "Points"}
IDS = {**OWN_STYLES, "Normal": "Normal", "Caption": "Caption", "Footer": "footer",
       **{f"Heading {n}": f"Heading{n}" for n in (1, 2, 3)}}


def _prune_styles(d: Any) -> None:
    """Only the styles the documents use: the template's two hundred others slow every lookup
    and fill the style list a clerk picks from."""
    root = d.styles.element
    kept = set()
    for style in root.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")) not in KEEP_STYLES:
            root.remove(style)
        else:
            kept.add(style.get(qn("w:styleId")))
    for style in root.findall(qn("w:style")):
        for tag in ("w:link", "w:next", "w:basedOn"):
            ref = style.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in kept:
                style.remove(ref)


@cache
def template(lang: str) -> bytes:
    """python-docx's template made ours, once per edition: styles, fonts, language, parts."""
    d = docx.Document()
    _setup_styles(d, lang)
    _package_parts(d, lang)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _setup_styles(d: Any, lang: str) -> None:
    """Fonts, sizes and language of the styles."""
    _prune_styles(d)
    styles = d.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, layout.SERIF)
    lang_node = rpr.find(qn("w:lang"))
    for key in list(lang_node.attrib):
        del lang_node.attrib[key]
    lang_node.set(qn("w:val"), edition(lang).region_lang)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    child(ppr, "w:spacing", after="120", line="264", lineRule="auto")
    _style(styles, "Normal", WD_STYLE_TYPE.PARAGRAPH, None, layout.SERIF, layout.BODY_PT)
    for level, size in ((1, 14), (2, 12), (3, 11)):
        style = _style(styles, f"Heading {level}", WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SANS, size, bold=True)
        _paragraph_format(style, 18 if level == 1 else 12, 6, keep_next=True)
    caption = _style(styles, "Caption", WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SANS, 9, bold=True)
    _paragraph_format(caption, 6, 3, keep_next=True)
    footer = _style(styles, "Footer", WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SANS, 8, color=layout.GREY)
    _paragraph_format(footer, 0, 0)
    names = {key: text(f"style_{key}", lang) for key in ("note", "source", "article_title", "table_heading",
                                                          "table_text", "points")}
    note = _style(styles, names["note"], WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SANS, 9.5)
    _paragraph_format(note, 0, 2, single=True)
    ppr = note.element.get_or_add_pPr()
    borders = child(ppr, "w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        size = "24" if side == "left" else "4"
        child(borders, f"w:{side}", val="single", sz=size, space="4", color=layout.NOTE_BORDER)
    child(ppr, "w:shd", val="clear", color="auto", fill=layout.NOTE_FILL)
    child(ppr, "w:ind", left="142", right="142")
    _style(styles, names["source"], WD_STYLE_TYPE.CHARACTER, None, layout.SANS, 8.5, color=layout.GREY)
    article = _style(styles, names["article_title"], WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SERIF, layout.BODY_PT)
    _paragraph_format(article, 12, 0, keep_next=True)
    article.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = _style(styles, names["table_heading"], WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SANS, 9, bold=True)
    _paragraph_format(heading, 0, 0, single=True)
    cell = _style(styles, names["table_text"], WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SANS, 9)
    _paragraph_format(cell, 0, 2, single=True)
    points = _style(styles, names["points"], WD_STYLE_TYPE.PARAGRAPH, "Normal", layout.SERIF, layout.BODY_PT)
    points.paragraph_format.left_indent = Mm(10)
    points.paragraph_format.first_line_indent = Mm(-5)
    _paragraph_format(points, 0, 3)
    for key, name in names.items():
        styles[name].element.styleId = OWN_STYLES[key]
    for name, style_id in IDS.items():
        name = names.get(name, name)
        if styles[name].style_id != style_id:
            raise ValueError(f"style {name!r} has id {styles[name].style_id!r}, expected {style_id!r}")


def _app_xml() -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<Application>python-docx</Application><DocSecurity>0</DocSecurity></Properties>')


def _font_table_xml() -> str:
    """The fonts of the document, each with a common font of its kind and its generic family."""
    fonts = "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:family w:val="{family}"/>'
                    f'<w:pitch w:val="variable"/></w:font>'
                    for name, (alt, family) in layout.FALLBACK.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}">{fonts}</w:fonts>')


def _package_parts(d: Any, lang: str) -> None:
    """Drop the template's thumbnail and Word 2010 extras; own font table, settings, app properties."""
    package = d.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_xml().encode()
    for rId, rel in list(d.part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"):
            del d.part.rels[rId]
        elif rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = _font_table_xml().encode()
    settings = d.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids", "w:proofState"):
        for node in settings.findall(qn(tag)):
            settings.remove(node)
    theme_lang = settings.find(qn("w:themeFontLang"))
    for key in list(theme_lang.attrib):
        del theme_lang.attrib[key]
    theme_lang.set(qn("w:val"), edition(lang).region_lang)
