"""Search index of one edition: a record per section (page top, each h2/h3) with its own text.

The index keeps the original spelling; the browser folds diacritics and script when it loads the
index and when the reader types (assets/js/search.js), so "opstina", "opština" and "општина" meet.
Each edition writes its own index, so a reader only ever gets pages of the edition they are in.
"""

from __future__ import annotations

import html
import json
import re

# Regular expressions rather than an HTML parser: the content HTML is Python-Markdown's own output,
# and a pure-Python parser over every page of three editions was a large share of the build.
_DROP = re.compile(r"<(script|style|svg|button|nav|h1)\b.*?</\1>|<a class=\"headerlink\".*?</a>", re.DOTALL)
_HEADING = re.compile(r'<(h[23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</\1>', re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|li|td|th|br|div|tr|dd|dt|h[4-6]|caption|table)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _text(fragment: str) -> str:
    text = _TAG.sub("", _BLOCK.sub(" ", fragment))  # words of adjacent blocks must not run together
    return _SPACE.sub(" ", html.unescape(text)).strip()


def sections(content: str) -> list[dict[str, str]]:
    """(anchor, title, text) of each section of a page's content HTML: the top and each h2/h3."""
    content = _DROP.sub(" ", content)
    out, anchor, title, last = [], "", "", 0
    for match in _HEADING.finditer(content):
        out.append({"anchor": anchor, "title": title, "text": _text(content[last:match.start()])})
        anchor, title, last = match.group(2), _text(match.group(3)), match.end()
    out.append({"anchor": anchor, "title": title, "text": _text(content[last:])})
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
