"""The editable documents of the built site: every file is there, is a proper document, opens in
LibreOffice, is the same as a fresh generation and is listed with its real size.

The inspections are those of tests/unit/test_documents.py, applied here to every file."""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from odf.opendocument import load as load_odf
from odf.table import Table, TableHeaderRows
from pypdf import PdfReader

from kgo.books.downloads import format_size
from kgo.documents import build, catalogue
from kgo.documents.package import epoch
from kgo.editions.model import edition
from tests.conftest import built_path
from tests.tools import need
from tests.unit.test_documents import check_text_document, datasets, docx_facts, odt_facts, serbian_latin_words

pytestmark = pytest.mark.slow

EDITIONS = {"sr": "", "cyr": "sr-Cyrl/", "en": "en/"}
LINK = re.compile(r'<a href="(?P<href>[^"]*dokumenti/(?P<name>[^"/]+))"[^>]*>[A-Z]+</a>&nbsp;'
                  r'<span class="document-size">\((?P<size>[^)]*)\)</span>')
# Sensible page counts when printed: (fewest, most).
PAGES = {"model_acts": (2, 15), "templates_handbook": (1, 3), "templates_guidelines": (1, 3),
         "standards": (4, 30)}
SHEET_PAGES = (1, 40)


def files(site: Path) -> list[tuple[catalogue.Entry, str, str, Path]]:
    return [(item, lang, fmt, site / catalogue.file_path(item, lang, fmt))
            for item, lang, fmt in catalogue.all_files(datasets())]


def test_every_document_is_in_the_site_and_nothing_else(site):
    expected = {path for *_, path in files(site)}
    missing = sorted(str(p) for p in expected if not p.is_file())
    assert not missing, f"documents missing from the site: {missing[:6]}"
    extra = sorted(set((site / catalogue.FOLDER).iterdir()) - expected)
    assert not extra, f"unexpected files in {catalogue.FOLDER}/: {extra[:6]}"


def test_built_documents_are_a_fresh_generation_byte_for_byte(site):
    fresh = build.generate(datasets(), epoch())
    different = [path for path, data in fresh.items() if (site / path).read_bytes() != data]
    assert not different, f"documents differ from a new generation (not reproducible): {different[:6]}"


def test_downloads_pages_list_every_document_with_its_real_size(site):
    for lang, prefix in EDITIONS.items():
        page = built_path(site, prefix, "preuzimanja.md")
        listed = {m["name"]: m["size"].replace("&nbsp;", "\u00a0")
                  for m in LINK.finditer(page.read_text(encoding="utf-8"))}
        for _item, _lang, _fmt, path in files(site):
            assert path.name in listed, f"{page}: {path.name} is not listed"
            assert listed[path.name] == format_size(path.stat().st_size, lang), \
                f"{page}: {path.name} listed as {listed[path.name]}, the file has {path.stat().st_size} bytes"


def test_template_and_model_pages_link_their_documents(site):
    pages = {"model_acts": "prirucnik/modeli-akata.md", "templates_handbook": "prirucnik/obrasci.md",
             "templates_guidelines": "smernice/obrasci.md", "standards": "standardi/kontrolne-liste.md"}
    for lang, prefix in EDITIONS.items():
        html = {dataset: built_path(site, prefix, page).read_text(encoding="utf-8") for dataset, page in pages.items()}
        for item, item_lang, _fmt, path in files(site):
            if item_lang == lang:
                assert f"dokumenti/{path.name}" in html[item.dataset], f"{pages[item.dataset]} ({lang}): no {path.name}"


def test_every_text_document_is_a_proper_document(site):
    problems = []
    for _item, lang, fmt, path in files(site):
        if fmt in ("docx", "odt"):
            facts = (docx_facts if fmt == "docx" else odt_facts)(path.read_bytes())
            try:
                check_text_document(facts, lang, fmt, path.name)
            except AssertionError as error:
                problems.append(str(error).splitlines()[0])
    assert not problems, "\n".join(problems)


def test_every_spreadsheet_has_a_header_row_and_its_language(site):
    for _item, lang, fmt, path in files(site):
        if fmt == "xlsx":
            wb = openpyxl.load_workbook(path)
            assert wb.properties.language == edition(lang).region_lang and wb.properties.title, path.name
            if lang == "cyr":
                cells = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
                assert not serbian_latin_words(cells), f"{path.name}: {sorted(set(serbian_latin_words(cells)))[:12]}"
            for ws in wb.worksheets[:-1]:   # the last sheet is the guidance
                assert ws.print_title_rows and all(c.font.b for c in ws[1] if c.value), f"{path.name}: {ws.title}"
        elif fmt == "ods":
            sheets = load_odf(str(path)).spreadsheet.getElementsByType(Table)
            assert all(s.getElementsByType(TableHeaderRows) for s in sheets[:-1]), path.name


def test_every_document_converts_with_libreoffice(site, tmp_path):
    soffice = need("soffice")
    profile = (tmp_path / "profile").as_uri()
    by_format: dict[str, list[tuple[catalogue.Entry, Path]]] = {}
    for item, _lang, fmt, path in files(site):
        by_format.setdefault(fmt, []).append((item, path))
    problems = []
    for fmt, group in by_format.items():
        out = tmp_path / fmt
        result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                                 "--outdir", str(out), *(str(p) for _, p in group)],
                                capture_output=True, text=True, timeout=1800, env={**os.environ, "HOME": str(tmp_path)})
        assert result.returncode == 0, f"LibreOffice failed on the {fmt} files:\n{result.stderr[-2000:]}"
        for item, path in group:
            pdf = out / f"{path.stem}.pdf"
            if not pdf.is_file():
                problems.append(f"{path.name}: no PDF")
                continue
            pages = len(PdfReader(io.BytesIO(pdf.read_bytes())).pages)
            low, high = SHEET_PAGES if fmt in ("xlsx", "ods") else PAGES[item.dataset]
            if not low <= pages <= high:
                problems.append(f"{path.name}: {pages} pages, expected {low}–{high}")
    assert not problems, "\n".join(problems)
