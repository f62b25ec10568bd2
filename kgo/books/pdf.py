"""PDF books: one per publication per edition, set from the pages the site renders.

Pure functions, no MkDocs: :func:`book_html` assembles a book (cover, colophon, contents, the
chapters, the list of abbreviations) from the content HTML of its pages with the Jinja templates
``hooks/templates/pdf_*.html``; :func:`render_pdf` lays it out with WeasyPrint and the print
stylesheet ``hooks/templates/pdf_book.css``; :func:`book_stats` reads back pages and bytes;
:func:`fill_download_stats` writes them into the downloads page. ``hooks/build_pdf.py`` connects
these to the build.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
import yaml
from markupsafe import Markup

from kgo.editions.model import CODES
from kgo.editions.model import EDITIONS as ALL_EDITIONS
from kgo.project import ROOT
from kgo.text import fmt_number, script_lang, t

TEMPLATES = Path(__file__).parent / "templates"
FONTS_DIR = ROOT / "docs" / "assets" / "fonts"
STYLESHEET = TEMPLATES / "pdf_book.css"
PRINT_STYLESHEET = TEMPLATES / "pdf_print.css"
UI_STRINGS = TEMPLATES / "pdf_ui.yaml"

EDITIONS = CODES
#: File name suffix of each edition's books: site/pdf/<pdf>-<suffix>[-print].pdf
SUFFIX = {e.code: e.suffix for e in ALL_EDITIONS}
#: URL prefix of each edition on the site (the Latin edition is at the root).
EDITION_PREFIX = {e.code: e.prefix for e in ALL_EDITIONS}
#: "screen": the PDF to read and print at the office; "print": 3 mm bleed and crop marks.
VARIANTS = ("screen", "print")
PDF_FOLDER = "pdf"
#: What WeasyPrint is asked for; also part of the cache key.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "uncompressed_pdf": False}

_FAKE_ORIGIN = "https://book.invalid/"


# --- names ------------------------------------------------------------------------------------

def pdf_stem(publication: Mapping[str, Any], edition: str, variant: str = "screen") -> str:
    """File name without '.pdf': ``prirucnik-sr-latn`` or ``prirucnik-sr-latn-print``."""
    stem = f"{publication['pdf']}-{SUFFIX[edition]}"
    return stem + ("-print" if variant == "print" else "")


def pdf_path(publication: Mapping[str, Any], edition: str, variant: str = "screen") -> str:
    """Path of a book from the site root: ``pdf/prirucnik-sr-latn.pdf``."""
    return f"{PDF_FOLDER}/{pdf_stem(publication, edition, variant)}.pdf"


def chapter_anchor(path: str) -> str:
    """Id of a chapter in its book: 'prirucnik/mapiranje.md' -> 'ch-mapiranje'."""
    parts = path[:-3].split("/")[1:] if "/" in path else [path[:-3]]
    return "ch-" + re.sub(r"[^a-z0-9-]+", "-", "-".join(parts).lower()).strip("-")


def normalise_url(url: str) -> str:
    """A page URL as a key: no leading '/', no 'index.html', directories end with '/'."""
    url = url.lstrip("/")
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    return url


@cache
def ui_strings() -> Mapping[str, Mapping[str, str]]:
    return yaml.safe_load(UI_STRINGS.read_text(encoding="utf-8"))


def ui(key: str, lang: str) -> str:
    strings = ui_strings()
    if key not in strings:
        raise KeyError(f"UI string {key!r} is missing from hooks/templates/pdf_ui.yaml")
    return t(strings[key], lang)


# --- HTML trees -------------------------------------------------------------------------------

def parse_fragment(html: str) -> ET.Element:
    """Parse an HTML fragment into a ``<div>`` element (namespaces dropped)."""
    import tinyhtml5

    document = tinyhtml5.parse(f"<!DOCTYPE html><html><body><div>{html}</div></body></html>",
                               namespace_html_elements=False)
    root = document.find("body/div")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.split("}", 1)[1]
    return root


def serialise_children(root: ET.Element) -> str:
    """The inner HTML of ``root``."""
    out = [_escape_text(root.text or "")]
    for child in root:
        out.append(ET.tostring(child, method="html", encoding="unicode"))
    return "".join(out)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _classes(element: ET.Element) -> list[str]:
    return (element.get("class") or "").split()


def _add_class(element: ET.Element, name: str) -> None:
    element.set("class", " ".join([*_classes(element), name]))


def _parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _remove_keep_tail(parent: ET.Element, element: ET.Element) -> None:
    """Remove ``element`` but keep the text that follows it."""
    tail = element.tail or ""
    index = list(parent).index(element)
    if tail:
        if index == 0:
            parent.text = (parent.text or "") + tail
        else:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + tail
    parent.remove(element)


def _unwrap(parent: ET.Element, element: ET.Element) -> None:
    """Replace ``element`` by its content."""
    index = list(parent).index(element)
    children = list(element)
    text, tail = element.text or "", element.tail or ""
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        parent[index - 1].tail = (parent[index - 1].tail or "") + text
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif index == 0:
        parent.text += tail
    else:
        parent[index - 1].tail += tail


def text_of(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


# --- links ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LinkContext:
    """What rewriting the links of one chapter needs to know."""

    page_url: str                      # URL of the page from the site root: 'en/prirucnik/mapiranje/'
    anchor: str                        # id of this chapter in the book: 'ch-mapiranje'
    chapters: Mapping[str, str]        # normalised page URL -> chapter anchor, for this book
    site_url: str                      # 'https://example.org/handbook/'
    see_label: str                     # 'vidi str.' / 'see p.'


def resolve_link(href: str, ctx: LinkContext) -> tuple[str, str]:
    """Where a link of a chapter leads in the book: ``(kind, target)``.

    kind is ``internal`` (target is '#anchor' in the book), ``external`` (an absolute URL: a
    page of the site outside this book, a file of the site, or another site), ``site`` (a page
    of the site when its address is not known: no ``site_url``; the link is dropped, its text
    stays) or ``keep`` (mailto:, tel:, empty).
    """
    href = href.strip()
    parts = urlsplit(href)
    if parts.scheme in ("http", "https") or href.startswith("//"):
        return "external", href
    if parts.scheme or not href:
        return "keep", href
    if href.startswith("#"):
        fragment = href[1:]
        return "internal", f"#{ctx.anchor}--{fragment}" if fragment else f"#{ctx.anchor}"
    absolute = urljoin(_FAKE_ORIGIN + ctx.page_url, href)
    target = urlsplit(absolute)
    path = normalise_url(target.path)
    anchor = ctx.chapters.get(path)
    if anchor is not None:
        return "internal", f"#{anchor}--{target.fragment}" if target.fragment else f"#{anchor}"
    if not ctx.site_url:
        return "site", absolute[len(_FAKE_ORIGIN):]
    return "external", ctx.site_url.rstrip("/") + "/" + absolute[len(_FAKE_ORIGIN):]


def resolve_src(src: str, page_url: str) -> str:
    """An image path from the site root ('en/prirucnik/img/a.png'), for base_url = site_dir."""
    parts = urlsplit(src)
    if parts.scheme or src.startswith("//"):
        return src
    absolute = urljoin(_FAKE_ORIGIN + page_url, src)
    return urlsplit(absolute).path.lstrip("/")


def _same_text_as_url(text: str, url: str) -> bool:
    strip = lambda s: re.sub(r"^(https?://)?(www\.)?", "", s.strip()).rstrip("/")  # noqa: E731
    return strip(text) == strip(url)


def rewrite_links(root: ET.Element, ctx: LinkContext) -> None:
    """Links between chapters become '#anchor' with a page reference, the rest absolute URLs."""
    parents = _parents(root)
    for element in list(root.iter("a")):
        href = element.get("href")
        if href is None:
            continue
        kind, target = resolve_link(href, ctx)
        if kind == "site":
            _unwrap(parents[element], element)
            continue
        element.set("href", target)
        if kind == "internal":
            _add_class(element, "xref")
            element.set("data-see", ctx.see_label)
        elif kind == "external":
            if not _same_text_as_url(text_of(element), target):
                _add_class(element, "ext")
            else:
                _add_class(element, "url")
    for element in root.iter("img"):
        src = element.get("src")
        if src:
            element.set("src", resolve_src(src, ctx.page_url))


def prefix_ids(root: ET.Element, anchor: str) -> None:
    """Ids are unique per page, not per book: prefix them with the chapter's anchor."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            element.set("id", f"{anchor}--{element.get('id')}")
        for attribute in ("for", "aria-labelledby", "aria-describedby"):
            if element.get(attribute):
                element.set(attribute, " ".join(f"{anchor}--{v}" for v in element.get(attribute).split()))


# --- the web page's HTML made fit for print ---------------------------------------------------

def drop_permalinks(root: ET.Element) -> None:
    """The '¶' permalinks of headings are for the web only."""
    parents = _parents(root)
    for element in [e for e in root.iter("a") if "headerlink" in _classes(e)]:
        _remove_keep_tail(parents[element], element)


def footnotes_to_floats(root: ET.Element) -> None:
    """Python-Markdown footnotes become ``<span class="footnote">`` where they are called.

    CSS ``float: footnote`` then sets them at the foot of the page that calls them.
    """
    parents = _parents(root)
    notes: dict[str, ET.Element] = {}
    for block in [e for e in root.iter("div") if "footnote" in _classes(e)]:
        for item in block.iter("li"):
            if item.get("id"):
                notes[item.get("id")] = item
        _remove_keep_tail(parents[block], block)
    if not notes:
        return
    used: set[str] = set()
    for sup in [e for e in root.iter("sup") if e.find("a") is not None]:
        link = sup.find("a")
        if "footnote-ref" not in _classes(link):
            continue
        note_id = (link.get("href") or "").lstrip("#")
        item = notes.get(note_id)
        parent = parents[sup]
        if item is None or note_id in used:  # a second call of the same note: keep its number
            sup.remove(link)
            sup.text = link.text
            sup.attrib.pop("id", None)
            continue
        used.add(note_id)
        span = ET.Element("span", {"class": "footnote"})
        body = [child for child in item if isinstance(child.tag, str)]
        for backref in [e for e in item.iter("a") if "footnote-backref" in _classes(e)]:
            _remove_keep_tail(_parents(item)[backref], backref)
        if len(body) == 1 and body[0].tag == "p":
            span.text = body[0].text
            span.extend(list(body[0]))
        else:
            span.text = item.text
            span.extend(list(item))
        if span.text:
            span.text = span.text.lstrip()
        if len(span) and span[-1].tail:
            span[-1].tail = span[-1].tail.rstrip().rstrip("\u00a0")
        elif span.text and not len(span):
            span.text = span.text.rstrip().rstrip("\u00a0")
        span.tail = sup.tail
        parent.insert(list(parent).index(sup), span)
        parent.remove(sup)


def open_details(root: ET.Element) -> None:
    """Collapsible blocks (``??? note``) are open on paper: they become admonitions."""
    for details in list(root.iter("details")):
        details.tag = "div"
        details.set("class", " ".join(["admonition", *_classes(details)]))
        details.attrib.pop("open", None)
        summary = details.find("summary")
        if summary is not None:
            summary.tag = "p"
            summary.set("class", "admonition-title")


def prepare_chapter(html: str, ctx: LinkContext) -> tuple[str, str, list[dict[str, str]]]:
    """The content HTML of one page as a chapter: ``(html, title, sections)``.

    ``sections`` are the chapter's ``<h2>`` headings as ``{"id", "title"}`` for the contents.
    """
    root = parse_fragment(html)
    drop_permalinks(root)
    footnotes_to_floats(root)
    open_details(root)
    prefix_ids(root, ctx.anchor)
    rewrite_links(root, ctx)
    title, sections = "", []
    for element in root.iter():
        if element.tag == "h1" and not title:
            title = text_of(element)
            _add_class(element, "chapter-title")
        elif element.tag == "h2" and element.get("id"):
            sections.append({"id": element.get("id"), "title": text_of(element)})
    return serialise_children(root), title, sections


# --- data for the front and back matter --------------------------------------------------------

def _text(value: Any, lang: str) -> str:
    """A text from data that may be plain, bilingual or a record with a name."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        if "sr" in value or "en" in value:
            return t(value, lang).strip()
        for key in ("name", "title", "label", "text"):
            if key in value:
                return _text(value[key], lang)
    return ""


def _texts(value: Any, lang: str) -> list[str]:
    items = value if isinstance(value, list) else ([value] if value else [])
    return [text for text in (_text(item, lang) for item in items) if text]


def edition_record(editions_data: Mapping[str, Any] | None, publication_id: str) -> dict[str, Any]:
    """The record of data/editions.yaml that applies to a publication.

    Accepts a single record at the top level, a record under ``edition``/``current``, or a list
    ``editions`` (the one with the highest ``edition``/``number``); a mapping
    ``publications: {<id>: {...}}`` overrides keys per publication.
    """
    data: Mapping[str, Any] = editions_data or {}
    record: dict[str, Any] = {}
    if isinstance(data.get("editions"), list) and data["editions"]:
        candidates = [e for e in data["editions"] if isinstance(e, Mapping)]

        def number(e: Mapping[str, Any]) -> float:
            value = e.get("edition", e.get("number", 0))
            return float(value) if isinstance(value, (int, float)) else 0.0

        if candidates:
            record.update(max(candidates, key=number))
    for key in ("current", "edition"):
        if isinstance(data.get(key), Mapping):
            record.update(data[key])
    record.update({k: v for k, v in data.items()
                   if k not in ("editions", "current", "publications") and not
                   (k == "edition" and isinstance(v, Mapping))})
    overrides = data.get("publications")
    if isinstance(overrides, Mapping) and isinstance(overrides.get(publication_id), Mapping):
        record.update(overrides[publication_id])
    elif isinstance(overrides, list):
        for item in overrides:
            if isinstance(item, Mapping) and item.get("id") == publication_id:
                record.update({k: v for k, v in item.items() if k != "id"})
    return record


def _people(value: Any, lang: str) -> list[dict[str, str]]:
    """Names with an optional role: ``[{"name": ..., "role": ...}]`` from texts or records."""
    items = value if isinstance(value, list) else ([value] if value else [])
    out = []
    for item in items:
        name = _text(item, lang)
        role = _text(item.get("role"), lang) if isinstance(item, Mapping) else ""
        if name:
            out.append({"name": name, "role": role})
    return out


def edition_info(editions_data: Mapping[str, Any] | None, publication_id: str, lang: str) -> dict[str, Any]:
    """Cover and colophon facts in the edition's language; a missing fact is empty, never invented.

    Keys read from data/editions.yaml: number (or edition), year, place, publisher, partner,
    original_project, supporters (texts or {name, role}), authors, editors, licence ({name, url,
    applies_to or scope} or a text), disclaimer, isbn.
    """
    record = edition_record(editions_data, publication_id)
    licence = record.get("licence", record.get("license"))
    licence_map = licence if isinstance(licence, Mapping) else {}
    licence_url = licence_map.get("url", "")
    licence_text = _text(licence, lang)
    if licence_map and not licence_text:
        licence_text = _text(licence_map.get("id"), lang)
    number = record.get("number", record.get("edition"))
    return {
        "number": _text(number if not isinstance(number, Mapping) else None, lang),
        "year": _text(record.get("year"), lang),
        "place": _text(record.get("place"), lang),
        "publisher": _texts(record.get("publisher"), lang),
        "partner": _texts(record.get("partner"), lang),
        "original_project": _text(record.get("original_project"), lang),
        "supporters": _people(record.get("supporters"), lang),
        "authors": _texts(record.get("authors"), lang),
        "editors": _texts(record.get("editors"), lang),
        "licence": licence_text,
        "licence_url": licence_url if isinstance(licence_url, str) else "",
        "licence_applies_to": _text(licence_map.get("applies_to"), lang),
        "licence_scope": _text(licence_map.get("scope"), lang),
        "disclaimer": _text(record.get("disclaimer"), lang),
        "isbn": _text(record.get("isbn"), lang),
    }


_ABBR_TERM_KEYS = ("abbreviation", "abbr_text", "short", "term", "name")
_ABBR_FULL_KEYS = ("expansion", "full", "long", "term", "title", "name")


def abbreviations(glossary: Mapping[str, Any] | None, lang: str, text: str) -> list[dict[str, str]]:
    """Glossary entries with ``abbr: true`` that occur in ``text``, sorted, in the edition's script."""
    entries: list[Mapping[str, Any]] = []
    if isinstance(glossary, Mapping):
        for value in glossary.values():
            if isinstance(value, list):
                entries += [e for e in value if isinstance(e, Mapping)]
    found = {}
    for entry in entries:
        if entry.get("abbr") is not True:
            continue
        term_key = next((k for k in _ABBR_TERM_KEYS if _text(entry.get(k), lang)), None)
        if term_key is None:
            continue
        term = _text(entry[term_key], lang)
        full = next((_text(entry[k], lang) for k in _ABBR_FULL_KEYS
                     if k != term_key and _text(entry.get(k), lang)), "")
        if not term or not full or term == full:
            continue
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text):
            found[term] = full
    return [{"term": k, "full": v} for k, v in sorted(found.items(), key=lambda kv: kv[0].casefold())]


def iso_date(epoch: int | str | None) -> str | None:
    """W3C date of SOURCE_DATE_EPOCH, or None."""
    if epoch in (None, ""):
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the book ---------------------------------------------------------------------------------

@dataclass
class Chapter:
    """One page of a publication, as the site rendered it in one edition."""

    path: str            # inside the language folder: 'prirucnik/mapiranje.md'
    url: str             # from the site root, edition prefix included: 'en/prirucnik/mapiranje/'
    title: str           # the page title (used when the content has no <h1>)
    html: str            # the page's content HTML
    sections: list[dict[str, str]] = field(default_factory=list)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def book_html(publication: Mapping[str, Any], edition: str, chapters: Sequence[Chapter],
              editions_data: Mapping[str, Any] | None, glossary: Mapping[str, Any] | None,
              lang: str | None = None, *, site_url: str = "", epoch: int | str | None = None) -> str:
    """The whole book as one HTML document for WeasyPrint.

    ``edition`` is "sr", "cyr" or "en"; ``lang`` the BCP 47 tag of ``<html lang>`` (by default
    sr-Latn, sr-Cyrl or en, which also picks the hyphenation dictionary and the Serbian
    Cyrillic letter forms). ``chapters`` are in book order; links between them become
    references to pages, links elsewhere absolute URLs under ``site_url``.
    """
    lang = lang or script_lang(edition)
    site_url = site_url or ""
    anchors = {normalise_url(ch.url): chapter_anchor(ch.path) for ch in chapters}
    see = ui("see_page", edition)
    prepared = []
    for chapter in chapters:
        ctx = LinkContext(normalise_url(chapter.url), chapter_anchor(chapter.path), anchors, site_url, see)
        html, title, sections = prepare_chapter(chapter.html, ctx)
        prepared.append({
            "anchor": ctx.anchor,
            "title": title or chapter.title,
            "html": Markup(html),
            "sections": sections,
            "has_h1": bool(title),
        })
    all_text = " ".join(text_of(parse_fragment(ch.html)) for ch in chapters)
    info = edition_info(editions_data, publication.get("id", ""), edition)
    title = t(publication["title"], edition)
    short_title = t(publication.get("short_title") or publication["title"], edition)
    subtitle = t(publication.get("subtitle"), edition) if publication.get("subtitle") else ""
    online = site_url.rstrip("/") + "/" + EDITION_PREFIX[edition] + publication["folder"] + "/" if site_url else ""
    authors = info["authors"] or info["editors"] or info["publisher"]
    keywords = [short_title, *[k.strip() for k in ui("keywords", edition).split(",")]]
    return _environment().get_template("pdf_book.html").render(
        lang=lang,
        edition=edition,
        ui=lambda key: ui(key, edition),
        title=title,
        short_title=short_title,
        subtitle=subtitle,
        info=info,
        chapters=prepared,
        abbreviations=abbreviations(glossary, edition, all_text),
        online=online,
        meta_author=", ".join(authors),
        meta_keywords=", ".join(dict.fromkeys(k for k in keywords if k)),
        date=iso_date(epoch),
    )


# --- rendering --------------------------------------------------------------------------------

def stylesheet_text(variant: str) -> str:
    css = STYLESHEET.read_text(encoding="utf-8")
    if variant == "print":
        css += "\n" + PRINT_STYLESHEET.read_text(encoding="utf-8")
    elif variant != "screen":
        raise ValueError(f"unknown PDF variant {variant!r}; use one of {', '.join(VARIANTS)}")
    return css


def font_files(fonts_dir: Path = FONTS_DIR) -> list[Path]:
    return sorted(fonts_dir.glob("*.woff2"))


def render_pdf(html: str, base_url: str | Path, out_path: str | Path, variant: str = "screen",
               *, fonts_dir: str | Path = FONTS_DIR, identifier: bytes | None = None) -> None:
    """Lay out ``html`` with the book stylesheet and write a tagged PDF (PDF/UA-1) to ``out_path``.

    ``base_url`` is the folder that relative image paths start from (the built site). Only local
    files are read: a book never depends on the network. The PDF identifier is a hash of the
    inputs, so the same sources give the same bytes.
    """
    render_pdfs(html, base_url, {variant: out_path}, fonts_dir=fonts_dir,
                identifiers={variant: identifier} if identifier else None)


def render_pdfs(html: str, base_url: str | Path, outputs: Mapping[str, str | Path], *,
                fonts_dir: str | Path = FONTS_DIR, identifiers: Mapping[str, bytes] | None = None) -> None:
    """Write several variants of one book (``{"screen": path, "print": path}``) from one layout.

    Layout is most of the work, and bleed and marks do not move anything on the page: the book is
    laid out once with the print stylesheet; the print PDF is written as laid out, the screen PDF
    from the same pages with the bleed and the crop marks taken off (its MediaBox is the A4 trim).
    The screen PDF is always made this way, alone or with the print one, so its bytes never
    depend on which variants one call writes.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    unknown = set(outputs) - set(VARIANTS)
    if unknown or not outputs:
        raise ValueError(f"unknown PDF variant {sorted(unknown)}; use {', '.join(VARIANTS)}")
    css_text = stylesheet_text("print")
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    font_config = FontConfiguration()
    stylesheet = CSS(string=css_text, base_url=Path(fonts_dir).resolve().as_uri() + "/",
                     font_config=font_config, url_fetcher=fetcher)
    document = HTML(string=html, base_url=Path(base_url).resolve().as_uri() + "/", url_fetcher=fetcher).render(
        font_config=font_config, stylesheets=[stylesheet], **PDF_OPTIONS)
    # The screen PDF first: painting the marks leaves state behind that a later write would reuse.
    for variant in ("screen", "print"):
        if variant not in outputs:
            continue
        for page in document.pages:
            if variant == "screen":
                page.print_bleed, page.print_marks = page.bleed, page._page_box.style["marks"]
                page.bleed = dict.fromkeys(page.bleed, 0)
                page._page_box.style["marks"] = ()  # WeasyPrint has no public way to drop the marks
            elif hasattr(page, "print_bleed"):
                page.bleed, page._page_box.style["marks"] = page.print_bleed, page.print_marks
        identifier = (identifiers or {}).get(variant) or hashlib.sha256(
            (html + stylesheet_text(variant) + variant).encode()).hexdigest()[:32].encode()
        out = Path(outputs[variant])
        out.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(out, pdf_identifier=identifier, **PDF_OPTIONS)


def timed_render(html: str, base_url: str | Path, outputs: Mapping[str, str | Path], **options: Any) -> float:
    """:func:`render_pdfs` in a worker process; returns the seconds it took."""
    import time

    started = time.monotonic()
    render_pdfs(html, base_url, outputs, **options)
    return time.monotonic() - started


def book_stats(path: str | Path) -> dict[str, int]:
    """Pages and size in bytes of a PDF."""
    from pypdf import PdfReader

    path = Path(path)
    return {"pages": len(PdfReader(path).pages), "bytes": path.stat().st_size}


def input_digest(html: str, variant: str, extra_files: Iterable[Path], code_files: Iterable[Path]) -> str:
    """Cache key of a book: its HTML, the stylesheets, fonts, images, data and the code that sets it."""
    import weasyprint

    digest = hashlib.sha256()
    digest.update(f"weasyprint {weasyprint.__version__}\n{PDF_OPTIONS}\n{variant}\n".encode())
    digest.update(html.encode())
    digest.update(stylesheet_text(variant).encode())
    # Names and contents only, in a fixed order: the folder a build happens in must not matter.
    files = []
    for path in {Path(p) for p in (*extra_files, *code_files)}:
        content = path.read_bytes() if path.is_file() else b"<missing>"
        files.append((path.name, hashlib.sha256(content).hexdigest()))
    for name, content_hash in sorted(files):
        digest.update(f"{name} {content_hash}\n".encode())
    return digest.hexdigest()


def local_images(html: str, site_dir: Path) -> list[Path]:
    """Files of the images a book HTML uses (site-relative ``src``)."""
    found = []
    for src in re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', html):
        if not urlsplit(src).scheme:
            found.append(site_dir / src.split("?")[0].split("#")[0])
    return found


# --- the downloads page -----------------------------------------------------------------------

def format_size(size: int, lang: str) -> str:
    """'1,2 MB' / '1.2 MB', '830 kB' (SI units, the edition's decimal mark)."""
    if size >= 1_000_000:
        return f"{fmt_number(size / 1_000_000, lang, 1)}\u00a0MB"
    return f"{fmt_number(max(1, round(size / 1000)), lang)}\u00a0kB"


_PLACEHOLDER_RE = re.compile(r"<span\b(?P<attrs>[^>]*\bdata-pdf=[^>]*)>(?P<body>.*?)</span>", re.S)
_ATTR_RE = re.compile(r'\b(data-pdf|data-field)="([^"]*)"')


def fill_download_stats(html: str, stats: Mapping[str, Mapping[str, int]], lang: str) -> str:
    """Fill ``<span data-pdf="STEM" data-field="pages|size">`` with the built books' numbers.

    ``stats`` maps the file stem (``prirucnik-en-print``) to ``{"pages": n, "bytes": n}``. A
    placeholder for a book that was not built is an error: the page would show an empty cell.
    """
    missing: list[str] = []

    def fill(match: re.Match) -> str:
        attrs = dict(_ATTR_RE.findall(match["attrs"]))
        stem, what = attrs.get("data-pdf", ""), attrs.get("data-field", "")
        if stem not in stats:
            missing.append(stem)
            return match.group(0)
        if what == "pages":
            value = fmt_number(stats[stem]["pages"], lang)
        elif what in ("size", "bytes"):
            value = format_size(stats[stem]["bytes"], lang)
        else:
            raise ValueError(f"unknown data-field {what!r} for {stem}; use pages or size")
        return f"<span{match['attrs']}>{value}</span>"

    out = _PLACEHOLDER_RE.sub(fill, html)
    if missing:
        raise ValueError(f"the downloads page lists books that were not built: {', '.join(sorted(set(missing)))}")
    return out
