"""A book as one HTML document: cover, colophon, contents, the chapters and the abbreviations, from
the content HTML of its pages and the Jinja templates kgo/books/templates/pdf_*.html."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from kgo.books.chapters import LinkContext, parse_fragment, prepare_chapter, text_of
from kgo.books.front_matter import abbreviations, edition_info, iso_date
from kgo.books.names import EDITION_PREFIX, TEMPLATES, chapter_anchor, normalise_url, ui
from kgo.text import script_lang, t

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
