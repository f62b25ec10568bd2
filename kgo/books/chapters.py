"""A chapter's web HTML made fit for print: permalinks dropped, links resolved inside the book or to
the site, ids prefixed per chapter, footnotes turned into page-foot notes, details opened."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from kgo.books.names import _FAKE_ORIGIN, normalise_url

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
