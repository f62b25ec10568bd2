"""The content guard over a build: every Markdown source before anything renders, then the HTML of
each page and, apart, the HTML each data marker rendered into it.

A finding in a page's HTML is named by the line of the source that made it: the Markdown line (found
by what was found, e.g. the URL), or for rendered data the marker's line and, when the value can be
found there, the line of data/DATASET.yaml that holds it.
"""

from __future__ import annotations

import hashlib
import html as html_escape
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import astuple
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kgo.build.cache import cached
from kgo.build.context import BuildContext
from kgo.guard.findings import Finding
from kgo.guard.html import Hit, scan_html
from kgo.guard.markdown import includes, scan_markdown
from kgo.render.markers import find_markers

_TOKEN = re.compile(r"kg-data-(\d+)$")


def site_origin(site_url: str | None) -> str:
    """'https://example.org/handbook/' -> 'https://example.org' ('' without a site_url)."""
    parts = urlsplit(site_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _findings(hits: Iterable[Hit], file: str, where: str = "") -> list[Finding]:
    return [Finding(file, hit.line, hit.rule, hit.what, where) for hit in hits]


def _cached_findings(context: BuildContext, kind: str, key: Any,
                     compute: Callable[[], list[Finding]]) -> list[Finding]:
    """Findings kept in the build cache (as rows: the cache holds JSON)."""
    return [Finding(*row) for row in cached(context, kind, key, lambda: [astuple(f) for f in compute()])]


def check_sources(docs: Path, root: Path, own_origin: str = "", context: BuildContext | None = None) -> list[Finding]:
    """Every finding in the Markdown pages under ``docs`` (both languages) and the files they include.
    With a build ``context`` the result is kept in the build cache, keyed by every file under ``docs``."""
    if context is not None:
        files = sorted(p for p in docs.rglob("*") if p.is_file())
        key = [own_origin, _label(docs, root),
               [(p.relative_to(docs).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest()) for p in files]]
        return _cached_findings(context, "guard-sources", key, lambda: check_sources(docs, root, own_origin))
    findings, seen = [], set()
    pages = sorted(docs.rglob("*.md"))
    for path in pages:
        text = path.read_text(encoding="utf-8")
        findings += _findings(scan_markdown(text, own_origin), _label(path, root))
        for name in includes(text):
            included = docs / name
            if included.suffix != ".md" and included.is_file() and included not in seen:
                seen.add(included)
                scan = scan_html if included.suffix in {".html", ".htm"} else scan_markdown
                findings += _findings(scan(included.read_text(encoding="utf-8"), own_origin), _label(included, root))
    return sorted(set(findings))


def line_of(text: str, needle: str, default: int = 1) -> int:
    """Line of the first occurrence of ``needle`` in ``text`` (case-insensitive), else ``default``."""
    at = text.lower().find(needle.lower()) if needle else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else default


def _data_findings(hits: list[Hit], marker, file: str, root: Path) -> list[Finding]:
    shown = f"<!-- data: {marker.dataset} {marker.view} -->"
    data_file = root / "data" / f"{marker.dataset}.yaml"
    data_text = data_file.read_text(encoding="utf-8") if data_file.is_file() else ""
    out = []
    for hit in hits:
        line = line_of(data_text, hit.needle, 0)
        if line:  # the value is in the data: the fix goes there
            out.append(Finding(f"data/{marker.dataset}.yaml", line, hit.rule, hit.what,
                               f"shown by {shown} in {file}:{marker.line}"))
        else:
            out.append(Finding(file, marker.line, hit.rule, hit.what,
                               f"rendered by {shown} from data/{marker.dataset}.yaml or its template "
                               f"kgo/render/templates/{marker.dataset}_*.html"))
    return out


def check_page(html: str, rendered: Mapping[str, str], source: Path, root: Path,
               own_origin: str = "", context: BuildContext | None = None) -> list[Finding]:
    """Findings in a page's HTML (made from ``source``) and in each piece of ``rendered`` data HTML
    (token -> HTML, in marker order) waiting to be placed into it. With a build ``context`` the
    result is kept in the build cache: the same page, data HTML and source give the same findings."""
    text = source.read_text(encoding="utf-8") if source.is_file() else ""
    if context is not None:
        key = [html, dict(rendered), text, _label(source, root), own_origin]
        return _cached_findings(context, "guard", key, lambda: _check(html, rendered, text, source, root, own_origin))
    return _check(html, rendered, text, source, root, own_origin)


def _check(html: str, rendered: Mapping[str, str], text: str, source: Path, root: Path,
           own_origin: str) -> list[Finding]:
    file = _label(source, root)
    findings = [Finding(file, line_of(text, hit.needle), hit.rule, hit.what, "in the HTML made from this page")
                for hit in scan_html(html, own_origin)]
    markers, _ = find_markers(text, file)
    for token, piece in rendered.items():
        number = _TOKEN.search(token)
        hits = scan_html(piece, own_origin, data_blocks=True)
        if not hits:
            continue
        index = int(number.group(1)) if number else -1
        if 0 <= index < len(markers):
            findings += _data_findings(hits, markers[index], file, root)
        else:
            findings += _findings(hits, file, "rendered by a data marker of this page")
    return sorted(set(findings))


def problems_html(problems: Iterable[str]) -> str:
    """A preview's page HTML in place of content that must not be shown, listing every problem."""
    items = "".join(f"<li><code>{html_escape.escape(p)}</code></li>" for p in problems)
    return ('<div class="admonition failure"><p class="admonition-title">Sadržaj nije prikazan · '
            "The content is not shown</p><p>Stranica sadrži ono što ne sme da se objavi · The page holds "
            f"what may not be published:</p><ul>{items}</ul></div>")
