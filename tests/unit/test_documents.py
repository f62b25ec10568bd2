"""Editable documents (kgo/documents): what exists, and that the files are proper documents.

A sample of every kind (a model act, a narrow and a wide form, a Guidelines form, the checklists)
is made in every edition and opened with the libraries an office would use: python-docx, odfpy,
openpyxl. The build tests (tests/build/test_documents_build.py) apply the same inspections to every
file of the built site and convert every one with LibreOffice.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from typing import Any

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from odf import teletype
from odf.namespaces import FONS, STYLENS, TEXTNS
from odf.opendocument import load as load_odf
from odf.style import DefaultStyle, PageLayoutProperties, TextProperties
from odf.table import ContentValidation, Table, TableHeaderRows, TableRow
from odf.text import H, P, PageNumber

from kgo.checks.cyrillic_edition import data_marked_words
from kgo.cyrillic import transliterate
from kgo.documents import build, catalogue, content
from kgo.documents.package import repack
from kgo.documents.writer_docx import write_docx
from kgo.documents.writer_odt import write_odt
from kgo.documents.writer_sheets import write_ods, write_xlsx
from kgo.editions.model import CODES, edition
from kgo.project import ROOT
from kgo.render.markers import RenderContext
from kgo.render.renderers.model_acts import model_act
from kgo.render.renderers.publications import publications_document, publications_documents
from kgo.render.renderers.templates import handbook_form
from kgo.rules import load

EPOCH = 1700000000
WRITERS = {"docx": write_docx, "odt": write_odt, "xlsx": write_xlsx, "ods": write_ods}
SAMPLE = (("model_acts", "act-working-group"), ("model_acts", "action-plan"), ("templates_handbook", "action-plan"),
          ("templates_handbook", "indicator-passport"), ("templates_guidelines", "resource-card"),
          ("standards", "checklists"))
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN_WORD = re.compile(r"[A-Za-zČĆĐŠŽčćđšžǅǈǋ]+")
SOURCE_STYLE = "GuidanceSource"   # a source as published: it keeps its script


@cache
def datasets() -> dict[str, Any]:
    data, errors = load()
    assert not errors, errors
    return data


@cache
def made(dataset: str, item_id: str, lang: str, fmt: str) -> bytes:
    item = catalogue.entry(datasets(), dataset, item_id)
    return WRITERS[fmt](catalogue.document(datasets(), item, lang), EPOCH)


# --- inspections, shared with the build tests -------------------------------------------------------

def docx_facts(data: bytes) -> dict[str, Any]:
    """What a reviewer checks in a DOCX: headings, header rows, language, properties, page, text."""
    d = docx.Document(io.BytesIO(data))
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    texts = []
    for paragraph in _docx_paragraphs(d):
        texts.append("".join(r.text for r in paragraph.runs if r.style is None or r.style.style_id != SOURCE_STYLE))
    section = d.sections[0]
    footer_xml = section.footer._element.xml
    return {
        "headings": [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")],
        "tables": len(d.tables),
        "header_rows": sum(1 for t in d.tables if t.rows[0]._tr.trPr is not None
                           and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None),
        "lang": defaults.find(qn("w:lang")).get(qn("w:val")),
        "fonts": defaults.find(qn("w:rFonts")).get(qn("w:ascii")),
        "core": d.core_properties,
        "page_mm": sorted((round(section.page_width.mm), round(section.page_height.mm))),
        "page_number": 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml,
        "note_style": any(s.style_id == "GuidanceNote" for s in d.styles),
        "text": "\n".join(texts),
    }


def _docx_paragraphs(d: Any):
    yield from d.paragraphs
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def odt_facts(data: bytes) -> dict[str, Any]:
    """The same for an ODT."""
    odt = load_odf(io.BytesIO(data))
    default = next(s for s in odt.styles.getElementsByType(DefaultStyle)
                   if s.getAttrNS(STYLENS, "family") == "paragraph")
    props = default.getElementsByType(TextProperties)[0]
    tables = odt.text.getElementsByType(Table)
    page = odt.automaticstyles.getElementsByType(PageLayoutProperties)[0]
    texts = [_odt_text(p) for p in (*odt.text.getElementsByType(P), *odt.text.getElementsByType(H))]
    meta = {node.qname[1]: teletype.extractText(node) for node in odt.meta.childNodes}
    return {
        "headings": [(h.getAttrNS(TEXTNS, "outline-level"), teletype.extractText(h))
                     for h in odt.text.getElementsByType(H)],
        "tables": len(tables),
        "header_rows": sum(1 for t in tables if t.getElementsByType(TableHeaderRows)),
        "lang": (props.getAttrNS(FONS, "language"), props.getAttrNS(FONS, "country"),
                 props.getAttrNS(FONS, "script"), props.getAttrNS(STYLENS, "rfc-language-tag")),
        "fonts": props.getAttrNS(STYLENS, "font-name"),
        "meta": meta,
        "page_mm": sorted(float(page.getAttrNS(FONS, k).removesuffix("mm")) for k in ("page-width", "page-height")),
        "page_number": bool(odt.masterstyles.getElementsByType(PageNumber)),
        "text": "\n".join(texts),
    }


def _odt_text(paragraph: Any) -> str:
    """A paragraph's text without the sources it cites (spans of the source style)."""
    parts = []
    for node in paragraph.childNodes:
        if node.nodeType == node.TEXT_NODE:
            parts.append(str(node.data))
        elif not (node.qname == (TEXTNS, "span") and node.getAttrNS(TEXTNS, "style-name") == SOURCE_STYLE):
            parts.append(teletype.extractText(node))
    return "".join(parts)


@cache
def _data_identifiers() -> frozenset[str]:
    return frozenset(data_marked_words(ROOT / "data"))


def serbian_latin_words(text: str) -> list[str]:
    """Words of a Cyrillic document still in Latin that transliteration would have changed (names,
    codes and terms the exception list keeps in Latin are left alone; so are addresses, codes and
    the identifiers of the data, such as the indicator code env-budget that a reader types)."""
    found = []
    for token in text.split():
        token = token.strip(".,;:!?()[]„“”\"'«»")
        if not LATIN_WORD.search(token) or re.search(r"[0-9@/]|\.\w", token) or token in _data_identifiers():
            continue
        if transliterate(token) != token:
            found.append(token)
    return found


def check_text_document(facts: dict[str, Any], lang: str, fmt: str, where: str) -> None:
    """The common checks of a DOCX or ODT made for edition ``lang``."""
    tag = edition(lang).region_lang
    assert facts["headings"], f"{where}: no headings"
    assert facts["tables"] == facts["header_rows"], f"{where}: a table without a repeating header row"
    assert facts["page_mm"] in ([210, 297], [210.0, 297.0]), f"{where}: not A4 ({facts['page_mm']})"
    assert facts["page_number"], f"{where}: no page number in the footer"
    assert facts["fonts"] == "Noto Serif", f"{where}: body font {facts['fonts']!r}"
    if fmt == "docx":
        assert facts["lang"] == tag, f"{where}: language {facts['lang']!r}"
        core = facts["core"]
        assert core.language == tag and core.title and core.subject, f"{where}: properties {core.language!r}"
        assert facts["note_style"], f"{where}: no guidance note style"
    else:
        language, country, script, rfc = facts["lang"]
        assert rfc == tag and f"{language}-{script}-{country}".replace("-None", "") in (tag, "en-GB"), where
        assert facts["meta"]["language"] == tag and facts["meta"]["title"] and facts["meta"]["subject"], where
    if lang == "cyr":
        assert len(CYRILLIC.findall(facts["text"])) > 100, f"{where}: hardly any Cyrillic"
        latin = serbian_latin_words(facts["text"])
        assert not latin, f"{where}: Serbian words left in Latin: {sorted(set(latin))[:12]}"
    else:
        assert not CYRILLIC.search(facts["text"]), f"{where}: Cyrillic in a Latin edition"


# --- the catalogue ----------------------------------------------------------------------------------

def test_every_model_form_and_the_checklists_has_documents():
    data = datasets()
    by_dataset: dict[str, set[str]] = {}
    for item in catalogue.entries(data):
        by_dataset.setdefault(item.dataset, set()).add(item.id)
        assert item.formats[:2] == ("docx", "odt")
    assert by_dataset["model_acts"] == {m["id"] for m in data["model_acts"]["models"]}
    assert by_dataset["templates_handbook"] == {t["id"] for t in data["templates_handbook"]["templates"]}
    assert by_dataset["templates_guidelines"] == {t["id"] for t in data["templates_guidelines"]["templates"]}
    assert by_dataset["standards"] == {"checklists"}


def test_tabular_documents_are_also_spreadsheets():
    data = datasets()
    sheets = {(i.dataset, i.id) for i in catalogue.entries(data) if "xlsx" in i.formats and "ods" in i.formats}
    assert {("model_acts", "action-plan"), ("templates_handbook", "action-plan"), ("standards", "checklists")} <= sheets
    assert {("templates_guidelines", t["id"]) for t in data["templates_guidelines"]["templates"]} <= sheets
    assert ("templates_handbook", "indicator-passport") not in sheets


def test_file_names_are_unique_and_per_edition():
    paths = [catalogue.file_path(item, lang, fmt) for item, lang, fmt in catalogue.all_files(datasets())]
    assert len(paths) == len(set(paths))
    assert all(re.fullmatch(r"dokumenti/[a-z0-9-]+-(sr-latn|sr-cyrl|en)\.(docx|odt|xlsx|ods)", p) for p in paths)


# --- the documents ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize(("dataset", "item_id"), SAMPLE)
def test_text_documents_are_proper_documents(dataset, item_id, lang):
    for fmt, facts in (("docx", docx_facts), ("odt", odt_facts)):
        check_text_document(facts(made(dataset, item_id, lang, fmt)), lang, fmt, f"{item_id} {lang} {fmt}")


def test_model_act_has_its_headings_articles_and_blanks():
    sr = docx_facts(made("model_acts", "act-working-group", "sr", "docx"))
    assert ("Heading 1", "REŠENJE") in sr["headings"]
    assert any(style == "Heading 2" for style, _ in sr["headings"])
    assert ("Heading 3", "Član 1.") in sr["headings"]
    assert "[naziv jedinice lokalne samouprave]" in sr["text"]
    cyr = odt_facts(made("model_acts", "act-working-group", "cyr", "odt"))
    assert ("1", "РЕШЕЊЕ") in cyr["headings"]
    assert "[назив јединице локалне самоуправе]" in cyr["text"]
    assert "Напомена за попуњавање" in cyr["text"]


def test_model_act_cites_its_legal_basis_in_the_notes():
    d = docx.Document(io.BytesIO(made("model_acts", "act-start", "sr", "docx")))
    notes = [p for p in d.paragraphs if p.style.style_id == "GuidanceNote"]
    sources = [r.text for p in notes for r in p.runs if r.style is not None and r.style.style_id == SOURCE_STYLE]
    model = next(m for m in datasets()["model_acts"]["models"] if m["id"] == "act-start")
    for item in model["legal_basis"]:
        for source in item["sources"]:
            assert any(source["title"] in s and source.get("url", "") in s for s in sources), source["title"]


def test_guidance_notes_are_a_box_of_their_own_style():
    d = docx.Document(io.BytesIO(made("templates_handbook", "action-plan", "en", "docx")))
    style = d.styles.element.xpath('w:style[@w:styleId="GuidanceNote"]')[0]
    assert style.xpath("w:pPr/w:shd") and style.xpath("w:pPr/w:pBdr/w:left")
    assert [p for p in d.paragraphs if p.style.style_id == "GuidanceNote"]


def test_wide_forms_are_landscape_with_rows_to_fill_in():
    d = docx.Document(io.BytesIO(made("templates_handbook", "action-plan", "sr", "docx")))
    section = d.sections[0]
    assert section.page_width > section.page_height
    rows = d.tables[0].rows[1:]
    assert len(rows) >= content.BLANK_ROWS and all(not c.text for r in rows for c in r.cells)


@pytest.mark.parametrize("lang", CODES)
def test_spreadsheets_have_header_rows_language_and_answers(lang):
    wb = openpyxl.load_workbook(io.BytesIO(made("standards", "checklists", lang, "xlsx")))
    ws = wb.worksheets[0]
    assert ws.print_title_rows in ("1:1", "$1:$1") and ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1]) and ws.max_row > 40
    assert wb.properties.language == edition(lang).region_lang and wb.properties.title
    answers = [t for t in ws.data_validations.dataValidation if t.type == "list"]
    assert answers and all(a in answers[0].formula1 for a in content_answers(lang))
    ods = load_odf(io.BytesIO(made("standards", "checklists", lang, "ods")))
    sheet = ods.spreadsheet.getElementsByType(Table)[0]
    assert sheet.getElementsByType(TableHeaderRows)
    assert ods.spreadsheet.getElementsByType(ContentValidation)
    assert len(sheet.getElementsByType(TableRow)) > 40


def content_answers(lang: str) -> list[str]:
    from kgo.text import t
    return [t(a["label"], lang) for a in datasets()["standards"]["scoring"]["answers"]]


# --- reproducible bytes -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["docx", "odt", "xlsx", "ods"])
def test_two_generations_give_identical_bytes(fmt):
    item = catalogue.entry(datasets(), "model_acts", "action-plan")
    first = WRITERS[fmt](catalogue.document(datasets(), item, "cyr"), EPOCH)
    second = WRITERS[fmt](catalogue.document(datasets(), item, "cyr"), EPOCH)
    assert first == second


def test_bytes_do_not_depend_on_what_was_made_before():
    """odfpy declares the namespaces it has met in the process: the output must not show it."""
    item = catalogue.entry(datasets(), "templates_handbook", "swot")
    first = write_odt(catalogue.document(datasets(), item, "en"), EPOCH)
    for fmt in ("ods", "docx", "xlsx"):
        made("standards", "checklists", "cyr", fmt)
    assert write_odt(catalogue.document(datasets(), item, "en"), EPOCH) == first


def test_zip_entries_have_the_source_date_and_a_fixed_order():
    data = made("templates_guidelines", "data-sheet", "sr", "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
    names = [i.filename for i in infos[1:]]
    assert names == sorted(names)
    assert repack(data, EPOCH) == data
    for fmt in ("docx", "xlsx"):   # created and modified: the build's time, never the time of writing
        with zipfile.ZipFile(io.BytesIO(made("standards", "checklists", "en", fmt))) as z:
            assert z.infolist()[0].filename == "[Content_Types].xml"
            core = z.read("docProps/core.xml").decode()
        dates = re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core)
        assert dates == ["2023-11-14T22:13:20Z"] * 2, (fmt, dates)


def test_creation_date_follows_source_date_epoch():
    item = catalogue.entry(datasets(), "templates_handbook", "swot")
    doc = catalogue.document(datasets(), item, "en")
    later = write_odt(doc, EPOCH + 86400)
    assert later != write_odt(doc, EPOCH)
    assert odt_facts(later)["meta"]["creation-date"] == "2023-11-15T22:13:20"


# --- the pages' links ---------------------------------------------------------------------------------

def test_pages_link_the_documents_of_their_edition_with_real_sizes():
    data = datasets()
    sizes = build.sizes(data, EPOCH)
    ctx = RenderContext(data, "cyr", "prirucnik/modeli-akata.md").bound("model_acts")
    html = model_act(ctx, id="act-start")
    assert "../../../dokumenti/prirucnik-model-act-start-sr-cyrl.docx" in html
    assert "../../../dokumenti/prirucnik-model-act-start-sr-cyrl.odt" in html
    ctx = RenderContext(data, "en", "prirucnik/obrasci.md").bound("templates_handbook")
    html = handbook_form(ctx, id="action-plan")
    for fmt in ("docx", "odt", "xlsx", "ods"):
        assert f"dokumenti/prirucnik-action-plan-en.{fmt}" in html
    made_now = made("templates_handbook", "action-plan", "en", "docx")
    assert sizes["dokumenti/prirucnik-action-plan-en.docx"] == len(made_now)
    line = publications_document(RenderContext(data, "sr", "standardi/kontrolne-liste.md").bound("publications"),
                                 dataset="standards", id="checklists")
    assert "dokumenti/standardi-kontrolne-liste-sr-latn.xlsx" in line and "kB" in line


def test_downloads_page_lists_every_document_in_every_edition():
    data = datasets()
    html = publications_documents(RenderContext(data, "en", "preuzimanja.md").bound("publications"))
    for item, lang, fmt in catalogue.all_files(data):
        assert catalogue.file_path(item, lang, fmt) in html
    assert html.count("<tr>") == len(catalogue.entries(data)) + len(catalogue.GROUPS)


def test_docx_properties_are_in_the_order_of_the_schema():
    """Word refuses a document whose paragraph, run, table or cell properties are out of order."""
    from lxml import etree

    from kgo.documents.docx_template import SEQUENCES

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for dataset, item_id in SAMPLE:
        with zipfile.ZipFile(io.BytesIO(made(dataset, item_id, "cyr", "docx"))) as z:
            parts = {name: etree.fromstring(z.read(name)) for name in ("word/document.xml", "word/styles.xml")}
        for name, root in parts.items():
            for parent, order in SEQUENCES.items():
                for element in root.iter(f"{w}{parent}"):
                    tags = [c.tag.removeprefix(w) for c in element if c.tag.removeprefix(w) in order]
                    positions = [order.index(t) for t in tags]
                    assert positions == sorted(positions), f"{item_id} {name}: w:{parent} out of order: {tags}"
