"""PDF books: pure functions (fast) and the books of a small real site (slow, tests/pdf/conftest.py)."""

from __future__ import annotations

import hashlib
import io
import re
import shutil

import pytest
import yaml

from kgo.books import downloads, names, render
from kgo.books.book import Chapter, book_html
from kgo.books.chapters import LinkContext, prepare_chapter, resolve_link, resolve_src
from kgo.books.downloads import fill_download_stats
from kgo.books.front_matter import abbreviations, edition_info
from kgo.cyrillic import transliterate
from kgo.render.markers import RenderContext
from kgo.text import t
from tests.pdf.conftest import FIXTURES, ROOT, build

LANG = {"sr": "sr-Latn", "cyr": "sr-Cyrl", "en": "en"}
PREFIX = {"sr": "", "cyr": "sr-Cyrl/", "en": "en/"}
MM3 = 3 * 72 / 25.4  # 8.504 pt
SITE_URL = "https://example.org/handbook/"


def ctx(page_url: str = "en/prirucnik/mapiranje/") -> LinkContext:
    chapters = {"en/prirucnik/": "ch-index", "en/prirucnik/mapiranje/": "ch-mapiranje"}
    return LinkContext(page_url, "ch-mapiranje", chapters, SITE_URL, "see p.")


# --- links ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("href", "expected"), [
    ("#sources", ("internal", "#ch-mapiranje--sources")),
    ("../#purpose", ("internal", "#ch-index--purpose")),
    ("../", ("internal", "#ch-index")),
    ("./", ("internal", "#ch-mapiranje")),
    ("../index.html", ("internal", "#ch-index")),
    ("../../usluge/", ("external", "https://example.org/handbook/en/usluge/")),
    ("../../usluge/#a", ("external", "https://example.org/handbook/en/usluge/#a")),
    ("../../smernice/metod/", ("external", "https://example.org/handbook/en/smernice/metod/")),
    ("../../../opendata/x.csv", ("external", "https://example.org/handbook/opendata/x.csv")),
    ("https://www.unesco.org/", ("external", "https://www.unesco.org/")),
    ("mailto:info@example.org", ("keep", "mailto:info@example.org")),
])
def test_resolve_link(href, expected):
    assert resolve_link(href, ctx()) == expected


def test_resolve_link_in_the_latin_edition_at_the_site_root():
    c = LinkContext("prirucnik/mapiranje/", "ch-mapiranje",
                    {"prirucnik/": "ch-index", "prirucnik/mapiranje/": "ch-mapiranje"}, SITE_URL, "vidi str.")
    assert resolve_link("../", c) == ("internal", "#ch-index")
    assert resolve_link("../../usluge/", c) == ("external", "https://example.org/handbook/usluge/")


def test_without_site_url_links_out_of_the_book_keep_only_their_text():
    c = LinkContext("prirucnik/", "ch-index", {"prirucnik/": "ch-index"}, "", "vidi str.")
    assert resolve_link("../usluge/", c) == ("site", "usluge/")
    out, _, _ = prepare_chapter('<p>Vidi <a href="../usluge/">usluge <em>RRA</em></a>, <a href="#x">x</a>.</p>', c)
    assert out == '<p>Vidi usluge <em>RRA</em>, <a href="#ch-index--x" class="xref" data-see="vidi str.">x</a>.</p>'


def test_images_resolve_to_paths_from_the_site_root():
    assert resolve_src("../../../assets/img/a.svg", "en/prirucnik/mapiranje/") == "assets/img/a.svg"
    assert resolve_src("img/a.png", "sr-Cyrl/prirucnik/") == "sr-Cyrl/prirucnik/img/a.png"
    assert resolve_src("https://example.org/a.png", "en/") == "https://example.org/a.png"


def test_prepare_chapter_rewrites_links_footnotes_ids_and_details():
    html = (
        '<h1 id="key">Key sources<a class="headerlink" href="#key" title="Permanent link">¶</a></h1>'
        '<p>See <a href="../#purpose">the purpose</a>, <a href="../../usluge/">services</a> and '
        '<a href="https://www.unesco.org/">https://www.unesco.org/</a>.'
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> After.</p>'
        '<h2 id="sources">Data sources</h2>'
        '<details class="example"><summary>Example</summary><p>Body</p></details>'
        '<div class="footnote"><hr><ol><li id="fn:1"><p>The note č ć.&#160;'
        '<a class="footnote-backref" href="#fnref:1" title="back">&#8617;</a></p></li></ol></div>'
    )
    out, title, sections = prepare_chapter(html, ctx())
    assert title == "Key sources"
    assert sections == [{"id": "ch-mapiranje--sources", "title": "Data sources"}]
    assert "headerlink" not in out and "¶" not in out
    assert 'id="ch-mapiranje--key"' in out
    assert re.search(r'<a href="#ch-index--purpose" class="xref" data-see="see p.">the purpose</a>', out)
    assert re.search(r'<a href="https://example.org/handbook/en/usluge/" class="ext">services</a>', out)
    assert 'class="url"' in out  # a link that shows its URL as text gets no second URL
    assert '<span class="footnote">The note č ć.</span> After.' in out
    assert "footnote-backref" not in out and 'class="footnote-ref"' not in out and "<hr>" not in out
    assert '<div class="admonition example"><p class="admonition-title">Example</p>' in out


def test_a_note_called_twice_is_set_once():
    html = ('<p>A<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> '
            'B<sup id="fnref2:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
            '<div class="footnote"><ol><li id="fn:1"><p>Note</p></li></ol></div>')
    out, _, _ = prepare_chapter(html, ctx())
    assert out.count('class="footnote"') == 1
    assert "<sup>1</sup>" in out


# --- front and back matter --------------------------------------------------------------------

def test_edition_info_reads_the_editions_file_and_invents_nothing():
    data = yaml.safe_load((FIXTURES / "data" / "editions.yaml").read_text(encoding="utf-8"))
    info = edition_info(data, "prirucnik", "cyr")
    assert info["year"] == "2026" and info["number"] == "1" and info["place"] == "Ниш"
    assert info["publisher"] == [transliterate("Probni izdavač")]
    assert info["supporters"][0]["role"] == transliterate("podržao izvorni projekat")
    assert info["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert info["authors"] == [] and info["editors"] == [] and info["isbn"] == ""
    empty = edition_info(None, "prirucnik", "en")
    assert empty["publisher"] == [] and empty["year"] == "" and empty["disclaimer"] == ""


def test_abbreviations_list_only_those_the_book_uses():
    glossary = yaml.safe_load((FIXTURES / "data" / "glossary.yaml").read_text(encoding="utf-8"))
    assert abbreviations(glossary, "sr", "Opštine (JLS) planiraju.") == [
        {"term": "JLS", "full": "jedinica lokalne samouprave"}]
    assert abbreviations(glossary, "en", "LSGs plan; no SBRAX here") == []
    assert abbreviations(glossary, "cyr", "Општине (ЈЛС).")[0]["term"] == "ЈЛС"
    assert abbreviations(None, "sr", "JLS") == []


def test_book_html_has_the_language_title_metadata_and_no_none():
    pub = yaml.safe_load((FIXTURES / "data" / "publications.yaml").read_text(encoding="utf-8"))["publications"][0]
    chapters = [Chapter("prirucnik/index.md", "sr-Cyrl/prirucnik/", "О приручнику",
                        '<h1 id="o">О приручнику</h1><p>Текст.</p>')]
    html = book_html(pub, "cyr", chapters, None, None, site_url=SITE_URL, epoch=1700000000)
    assert '<html lang="sr-Cyrl">' in html
    assert f"<title>{transliterate(pub['title']['sr'])}</title>" in html
    assert '<meta name="dcterms.created" content="2023-11-14T22:13:20Z">' in html
    assert "None" not in html
    assert 'href="https://example.org/handbook/sr-Cyrl/prirucnik/"' in html  # the online edition


# --- the downloads page -------------------------------------------------------------------------

PLACEHOLDERS = ('<td class="num"><span data-pdf="prirucnik-sr-latn" data-field="pages"></span></td>'
                '<td><a href="x.pdf">x</a> <span class="pdf-size" data-pdf="prirucnik-sr-latn" '
                'data-field="size"></span></td>'
                '<td><span class="pdf-size" data-pdf="prirucnik-sr-latn-print" data-field="size"></span></td>')
STATS = {"prirucnik-sr-latn": {"pages": 1234, "bytes": 1_234_567},
         "prirucnik-sr-latn-print": {"pages": 1234, "bytes": 845_300}}


@pytest.mark.parametrize(("lang", "pages", "size", "print_size"), [
    ("sr", "1.234", "1,2\u00a0MB", "845\u00a0kB"),
    ("cyr", "1.234", "1,2\u00a0MB", "845\u00a0kB"),
    ("en", "1,234", "1.2\u00a0MB", "845\u00a0kB"),
])
def test_fill_download_stats(lang, pages, size, print_size):
    out = fill_download_stats(PLACEHOLDERS, STATS, lang)
    assert f'data-field="pages">{pages}</span>' in out
    assert f'data-pdf="prirucnik-sr-latn" data-field="size">{size}</span>' in out
    assert f'data-pdf="prirucnik-sr-latn-print" data-field="size">{print_size}</span>' in out
    assert fill_download_stats(out, STATS, lang) == out  # filling twice changes nothing


def test_fill_download_stats_refuses_a_book_that_was_not_built():
    with pytest.raises(ValueError, match="prirucnik-sr-latn-print"):
        fill_download_stats(PLACEHOLDERS, {"prirucnik-sr-latn": STATS["prirucnik-sr-latn"]}, "sr")
    with pytest.raises(ValueError, match="unknown data-field"):
        fill_download_stats('<span data-pdf="prirucnik-sr-latn" data-field="color"></span>', STATS, "sr")
    assert fill_download_stats("<p>no books</p>", {}, "sr") == "<p>no books</p>"


def test_downloads_renderer_lists_every_book_with_placeholders():
    from kgo.render.renderers.publications import publications_downloads

    data = {"publications": yaml.safe_load((FIXTURES / "data" / "publications.yaml").read_text(encoding="utf-8"))}
    html = publications_downloads(RenderContext(data, "en", "preuzimanja.md"))
    for pub in ("prirucnik", "smernice"):
        for suffix in ("sr-latn", "sr-cyrl", "en"):
            for variant in ("", "-print"):
                assert f'href="../../pdf/{pub}-{suffix}{variant}.pdf"' in html
                assert f'data-pdf="{pub}-{suffix}{variant}" data-field="size"' in html
            assert f'data-pdf="{pub}-{suffix}" data-field="pages"' in html
    assert html.count("<caption>") == 2 and '<th scope="col"' in html
    assert "\n\n" not in html  # one raw HTML block for Markdown
    sr = publications_downloads(RenderContext(data, "sr", "preuzimanja.md"))
    assert 'href="../pdf/prirucnik-sr-latn.pdf"' in sr and "Broj strana" in sr


# --- the books of a small real site (slow) ------------------------------------------------------

def _publications() -> list[dict]:
    return yaml.safe_load((FIXTURES / "data" / "publications.yaml").read_text(encoding="utf-8"))["publications"]


def _title(text: dict, lang: str) -> str:
    return transliterate(text["sr"]) if lang == "cyr" else text["en" if lang == "en" else "sr"]


def _chapter_titles(pub: dict, lang: str) -> list[str]:
    folder = FIXTURES / "docs" / ("en" if lang == "en" else "sr") / pub["folder"]
    titles = []
    for chapter in pub["chapters"]:
        first = (folder / chapter).read_text(encoding="utf-8").splitlines()[0]
        title = first.removeprefix("# ").strip()
        titles.append(transliterate(title) if lang == "cyr" else title)
    return titles


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


BOOKS = [(pub["pdf"], pub, lang) for pub in _publications() for lang in LANG]


@pytest.mark.slow
def test_one_screen_and_one_print_book_per_publication_per_edition(book_site):
    expected = {f"{pub['pdf']}-{suffix}{variant}.pdf" for pub in _publications()
                for suffix in ("sr-latn", "sr-cyrl", "en") for variant in ("", "-print")}
    assert {p.name for p in (book_site / "pdf").glob("*.pdf")} == expected


@pytest.mark.slow
@pytest.mark.parametrize(("stem", "pub", "lang"), BOOKS, ids=[f"{s}-{lang}" for s, _, lang in BOOKS])
def test_book(book_site, stem, pub, lang):
    from pypdf import PdfReader

    path = book_site / "pdf" / f"{names.pdf_stem(pub, lang)}.pdf"
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    pages = len(reader.pages)
    assert 5 <= pages <= 60, f"{path.name}: {pages} pages"
    assert root["/Lang"] == LANG[lang]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]

    info = reader.metadata
    title = _title(pub["title"], lang)
    assert info.title == title
    assert info.subject == _title(pub["subtitle"], lang)
    assert info.author and info.keywords
    assert info["/CreationDate"] == info["/ModDate"] == "D:20231114221320Z"

    chapters = _chapter_titles(pub, lang)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[: len(chapters)] == chapters
    assert all(isinstance(item, list) or item.title for item in reader.outline)

    cover = _flat(reader.pages[0].extract_text())
    assert _flat(title) in cover and "None" not in cover
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    for chapter in chapters:
        assert chapter in text, f"{path.name}: chapter title {chapter!r} not in the text"
    if lang == "cyr":
        assert len(re.findall(r"[\u0400-\u04FF]", text)) > 0.5 * len(re.findall(r"[A-Za-z\u0400-\u04FF]", text))
    if lang == "sr":
        assert "vidi str." in text

    for number, page in enumerate(reader.pages, 1):
        fonts = page.get("/Resources", {}).get("/Font", {})
        for name, ref in fonts.items():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), \
                f"{path.name} p. {number}: font {name} {descendant.get('/BaseFont')} is not embedded"

    uris = {annot.get_object()["/A"].get("/URI") for page in reader.pages for annot in page.get("/Annots", [])
            if "/A" in annot.get_object()}
    if pub["id"] == "prirucnik":
        home = (book_site / PREFIX[lang] / "index.html").read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)
        outside = [u for u in uris if u and u.rstrip("/").endswith("usluge")]
        if canonical:  # a page outside the book: its full address
            assert outside == [canonical[1] + "usluge/"]
        else:  # no site_url: no address to give
            assert outside == []


@pytest.mark.slow
def test_footnotes_abbreviations_and_figures(book_site):
    from pypdf import PdfReader

    reader = PdfReader(book_site / "pdf" / "prirucnik-sr-latn.pdf")
    texts = [_flat(page.extract_text()) for page in reader.pages]
    note = next(i for i, t in enumerate(texts) if "Fusnota sa slovima č, ć, đ, š i ž" in t)
    assert "O priručniku" in texts[note]  # at the foot of the page that calls it
    back = texts[-1]
    assert "Skraćenice" in back and "JLS" in back and "jedinica lokalne samouprave" in back
    assert "APR" not in back  # not used in this book
    assert any("Slika 1. Ciklus planiranja" in t for t in texts)
    assert any("/XObject" in page.get("/Resources", {}) for page in reader.pages)  # the figure


@pytest.mark.slow
def test_print_variant_has_3mm_bleed_and_the_same_pages(book_site):
    from pypdf import PdfReader

    for pub in _publications():
        for lang in LANG:
            screen = PdfReader(book_site / "pdf" / f"{names.pdf_stem(pub, lang)}.pdf")
            printed = PdfReader(book_site / "pdf" / f"{names.pdf_stem(pub, lang, 'print')}.pdf")
            assert len(printed.pages) == len(screen.pages)
            for page in printed.pages:
                media, trim = page.mediabox, page.trimbox
                for inner, outer in ((trim.left, media.left), (trim.bottom, media.bottom)):
                    assert float(inner) - float(outer) == pytest.approx(MM3, abs=0.01)
                for inner, outer in ((trim.right, media.right), (trim.top, media.top)):
                    assert float(outer) - float(inner) == pytest.approx(MM3, abs=0.01)
                assert float(trim.width) == pytest.approx(595.28, abs=0.1)  # A4
                assert float(trim.height) == pytest.approx(841.89, abs=0.1)
            for page in screen.pages:
                assert page.mediabox == page.trimbox


XMP_PDFX = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"
XMP_PDFUA = "{http://www.aiim.org/pdfua/ns/id/}part"


@pytest.mark.slow
def test_print_variants_are_pdf_x4_with_an_output_intent_and_screen_ones_pdf_ua(book_site):
    """Print shops ask for PDF/X: the print books declare PDF/X-4 and carry their output intent (the
    committed sRGB profile, kgo/books/color/); the screen books stay tagged PDF/UA-1, without one."""
    import pikepdf
    from PIL import ImageCms

    def described(data: bytes) -> tuple[str, str]:  # WeasyPrint writes the profile out again (lcms)
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data)).profile
        return profile.profile_description, profile.copyright

    profile = described(names.PRINT_PROFILE.read_bytes())
    for pub in _publications():
        for lang in LANG:
            with pikepdf.open(book_site / "pdf" / f"{names.pdf_stem(pub, lang, 'print')}.pdf") as pdf:
                name = f"{names.pdf_stem(pub, lang, 'print')}.pdf"
                assert pdf.pdf_version == "1.6", name
                with pdf.open_metadata() as xmp:
                    assert xmp.get(XMP_PDFX) == "PDF/X-4", name
                    assert XMP_PDFUA not in xmp, name
                intents = pdf.Root.OutputIntents
                assert len(intents) == 1 and intents[0].S == "/GTS_PDFX", name
                assert intents[0].DestOutputProfile.N == 3, name  # RGB
                assert described(intents[0].DestOutputProfile.read_bytes()) == profile, name
                assert str(intents[0].OutputConditionIdentifier), name
                assert all("/TrimBox" in page.obj for page in pdf.pages), name  # PDF/X wants the trim
                assert pdf.Root.MarkInfo.Marked, name  # still tagged
            with pikepdf.open(book_site / "pdf" / f"{names.pdf_stem(pub, lang)}.pdf") as pdf:
                name = f"{names.pdf_stem(pub, lang)}.pdf"
                with pdf.open_metadata() as xmp:
                    assert xmp.get(XMP_PDFUA) == "1", name
                    assert XMP_PDFX not in xmp, name
                assert "/OutputIntents" not in pdf.Root, name
                assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root, name


def test_the_output_intent_profile_is_committed_with_its_licence():
    licence = (names.PRINT_PROFILE.parent / "LICENSE.txt").read_text(encoding="utf-8")
    assert names.PRINT_PROFILE.name in licence and "zlib" in licence.lower()
    digest = hashlib.sha256(names.PRINT_PROFILE.read_bytes()).hexdigest()
    assert digest in licence, "the licence file names the SHA-256 of the profile it covers"


@pytest.mark.slow
def test_downloads_page_shows_computed_pages_and_sizes(book_site):
    from pypdf import PdfReader

    for lang in LANG:
        html = (book_site / PREFIX[lang] / "preuzimanja" / "index.html").read_text(encoding="utf-8")
        for pub in _publications():
            for edition in LANG:
                stem = names.pdf_stem(pub, edition)
                pages = len(PdfReader(book_site / "pdf" / f"{stem}.pdf").pages)
                assert f'data-pdf="{stem}" data-field="pages">{pages}</span>' in html
                size = (book_site / "pdf" / f"{stem}.pdf").stat().st_size
                assert f'data-pdf="{stem}" data-field="size">{downloads.format_size(size, lang)}</span>' in html
        assert not re.search(r'data-field="\w+"></span>', html), "an empty placeholder is left"


@pytest.mark.slow
def test_download_button_on_the_publications_pages_only(book_site):
    labels = {"sr": "Preuzmi knjigu (PDF)", "cyr": "Преузми књигу (PDF)", "en": "Download the book (PDF)"}
    for lang, label in labels.items():
        page = (book_site / PREFIX[lang] / "prirucnik" / "mapiranje" / "index.html").read_text(encoding="utf-8")
        button = re.search(r'<a class="md-button download-button" href="([^"]+)" download[^>]*>([^<]+)</a>', page)
        assert button, f"no download button in the {lang} edition"
        assert button[2] == label
        target = (book_site / PREFIX[lang] / "prirucnik" / "mapiranje" / button[1]).resolve()
        assert target == (book_site / "pdf" / f"prirucnik-{names.SUFFIX[lang]}.pdf").resolve()
        assert target.exists()
        other = (book_site / PREFIX[lang] / "usluge" / "index.html").read_text(encoding="utf-8")
        assert "download-button" not in other


@pytest.mark.slow
def test_same_sources_same_bytes_and_the_cache(book_project, book_site, tmp_path):
    shutil.rmtree(book_project / ".cache" / "pdf")
    again = tmp_path / "again"
    build(book_project, again)
    names = sorted(p.name for p in (book_site / "pdf").glob("*.pdf"))
    for name in names:
        assert (again / "pdf" / name).read_bytes() == (book_site / "pdf" / name).read_bytes(), name

    cached = tmp_path / "cached"
    result = build(book_project, cached)
    assert f"PDF books: {len(names)} in pdf/ — 0 rendered" in result.stderr
    for name in names:
        assert (cached / "pdf" / name).read_bytes() == (book_site / "pdf" / name).read_bytes(), name


@pytest.mark.slow
def test_one_variant_alone_gives_the_same_bytes(book_project, book_site, tmp_path):
    text = (book_project / ".cache" / "pdf" / "smernice-en.html").read_text(encoding="utf-8")
    both = {"screen": tmp_path / "both.pdf", "print": tmp_path / "both-print.pdf"}
    render.render_pdfs(text, book_site, both, identifiers={"screen": b"s" * 32, "print": b"p" * 32})
    render.render_pdf(text, book_site, tmp_path / "alone.pdf", "screen", identifier=b"s" * 32)
    assert (tmp_path / "alone.pdf").read_bytes() == both["screen"].read_bytes()


@pytest.mark.slow
def test_no_books_with_kgo_pdf_0(book_project, tmp_path):
    site = tmp_path / "html-only"
    result = build(book_project, site, KGO_PDF="0")
    assert not (site / "pdf").exists()
    assert "PDF books" not in result.stderr
    assert "download-button" not in (site / "prirucnik" / "index.html").read_text(encoding="utf-8")


# --- the real site (built once by tests/conftest.py) -------------------------------------------

@pytest.mark.slow
def test_real_site_has_every_book(site):
    from pypdf import PdfReader

    manifest = yaml.safe_load((ROOT / "data" / "publications.yaml").read_text(encoding="utf-8"))
    for pub in manifest["publications"]:
        for lang in LANG:
            for variant in names.VARIANTS:
                path = site / "pdf" / f"{names.pdf_stem(pub, lang, variant)}.pdf"
                assert path.exists(), path.name
                reader = PdfReader(path)
                assert reader.trailer["/Root"]["/Lang"] == LANG[lang]
                assert len(reader.pages) >= 4
                assert reader.metadata.title == t(pub["title"], lang)


@pytest.mark.slow
def test_real_books_leave_out_what_needs_a_script(site):
    """The Guidelines' calculator is a form on the web page; in the book only its text and its
    downloads remain: no form fields, no note for readers without JavaScript. Short phrases are
    looked for, so that a word hyphenated at a line end cannot hide one."""
    from pypdf import PdfReader

    words = yaml.safe_load((ROOT / "data" / "valorization.yaml").read_text(encoding="utf-8"))["calculator"]["labels"]
    for lang in LANG:
        path = site / "pdf" / f"smernice-{names.SUFFIX[lang]}.pdf"
        text = _flat(" ".join(page.extract_text() for page in PdfReader(path).pages))
        assert t(words["page_downloads"], lang) in text, path.name
        absent = [t(words["page_file"], lang), t(words["page_paste"], lang),
                  " ".join(t(words["page_no_script"], lang).split()[:6])]
        assert [phrase for phrase in absent if phrase in text] == [], path.name
