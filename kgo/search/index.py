"""Search index of one edition: a record per section (page top, each h2/h3, each glossary entry)
with its own text and a label that says where it is ("Smernice › Primer: Opština Primer").

The index keeps the original spelling; the browser folds diacritics and script when it loads the
index and when the reader types (assets/js/search.js), so "opstina", "opština" and "општина" meet.
Each edition writes its own index, so a reader only ever gets pages of the edition they are in.
The labels are made here, at build time, from the navigation of the edition being built (its
publication short titles and section names are already in the edition's language and script).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

# Regular expressions rather than an HTML parser: the content HTML is Python-Markdown's own output,
# and a pure-Python parser over every page of three editions was a large share of the build.
_DROP = re.compile(r"<(script|style|svg|button|nav|h1)\b.*?</\1>|<a class=\"headerlink\".*?</a>", re.DOTALL)
# A section starts at an h2/h3 with an id, or at a glossary entry (<dt id="term-…">, rendered from
# data/glossary.yaml): a glossary entry is found, linked and ranked like a section of its own.
_HEADING = re.compile(r'<(h[23]|dt)\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</\1>', re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|li|td|th|br|div|tr|dd|dt|h[4-6]|caption|table)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
#: Separator of the parts of a label, the same as in the results ("Smernice › Primer").
SEPARATOR = " › "


def _text(fragment: str) -> str:
    text = _TAG.sub("", _BLOCK.sub(" ", fragment))  # words of adjacent blocks must not run together
    return _SPACE.sub(" ", html.unescape(text)).strip()


def sections(content: str) -> list[dict[str, str]]:
    """(anchor, title, text) of each section of a page's content HTML: the top, each h2/h3 and
    each glossary entry."""
    content = _DROP.sub(" ", content)
    out, anchor, title, last = [], "", "", 0
    for match in _HEADING.finditer(content):
        if match.group(1) == "dt" and not match.group(2).startswith("term-"):
            continue  # other definition lists (e.g. SDG targets) stay text of their section
        out.append({"anchor": anchor, "title": title, "text": _text(content[last:match.start()])})
        anchor, title, last = match.group(2), _text(match.group(3)), match.end()
    out.append({"anchor": anchor, "title": title, "text": _text(content[last:])})
    return out


def page_records(url: str, page_title: str, html: str, where: Sequence[str] = ()) -> list[dict[str, str]]:
    """Index records of one page: 'u' URL (relative to the edition root), 'p' page, 't' section,
    'x' text, 'w' where the record is: the page's sections in the navigation (the publication,
    "Projekat") and, for a section below the page top, the page itself. The top of a page outside
    every section (home, glossary) has an empty 'w'."""
    records = []
    for section in sections(html):
        if not section["text"] and not section["title"]:
            continue
        anchor = f"#{section['anchor']}" if section["anchor"] else ""
        place = [*where, page_title] if anchor else list(where)
        records.append({"u": url + anchor, "p": page_title, "t": section["title"] or page_title,
                        "w": SEPARATOR.join(p for p in place if p), "x": section["text"]})
    return records


def index_json(records: list[dict[str, str]], lang: str) -> str:
    return json.dumps({"lang": lang, "docs": records}, ensure_ascii=False, separators=(",", ":"))
