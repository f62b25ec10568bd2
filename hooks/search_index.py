"""Search index of one edition: a record per section (page top, each h2/h3) with its own text.

The index keeps the original spelling; the browser folds diacritics and script when it loads the
index and when the reader types (assets/js/search.js), so "opstina", "opština" and "општина" meet.
Each edition writes its own index, so a reader only ever gets pages of the edition they are in.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "svg", "button", "nav", "h1"}  # h1 is the page title, kept apart
_BLOCK = {"p", "li", "td", "th", "br", "div", "tr", "dd", "dt", "h4", "h5", "h6", "caption", "table"}
_SECTION = {"h2", "h3"}
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "path"}


class _Sections(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: list[dict] = [{"anchor": "", "title": "", "text": []}]
        self._skip: list[str] = []  # open elements whose text is not searchable
        self._heading: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _BLOCK and not self._skip:
            self.handle_data(" ")  # words of adjacent blocks must not run together
        if self._skip or tag in _SKIP or "headerlink" in (attrs.get("class") or ""):
            if tag not in _VOID:
                self._skip.append(tag)
        elif tag in _SECTION and attrs.get("id"):
            self._heading = {"anchor": attrs["id"], "title": [], "text": []}
            self.sections.append(self._heading)

    def handle_endtag(self, tag):
        if self._skip:
            if self._skip[-1] == tag:
                self._skip.pop()
            return
        if tag in _SECTION and self._heading is not None:
            self._heading["title"] = "".join(self._heading["title"])
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        if self._heading is not None:
            self._heading["title"].append(data)
        else:
            self.sections[-1]["text"].append(data)


def sections(html: str) -> list[dict[str, str]]:
    """(anchor, title, text) of each section of a page's content HTML."""
    parser = _Sections()
    parser.feed(html)
    out = []
    for section in parser.sections:
        title = section["title"] if isinstance(section["title"], str) else "".join(section["title"])
        text = re.sub(r"\s+", " ", "".join(section["text"])).strip()
        out.append({"anchor": section["anchor"], "title": title.replace("¶", "").strip(), "text": text})
    return out


def page_records(url: str, page_title: str, html: str) -> list[dict[str, str]]:
    """Index records of one page: 'u' URL (relative to the edition root), 'p' page, 't' section."""
    records = []
    for section in sections(html):
        if not section["text"] and not section["title"]:
            continue
        anchor = f"#{section['anchor']}" if section["anchor"] else ""
        records.append({"u": url + anchor, "p": page_title, "t": section["title"] or page_title,
                        "x": section["text"]})
    return records


def index_json(records: list[dict[str, str]], lang: str) -> str:
    return json.dumps({"lang": lang, "docs": records}, ensure_ascii=False, separators=(",", ":"))
