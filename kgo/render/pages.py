"""Markers on the pages of a build: checked on every page before anything renders, then filled.

The HTML of a marker goes into the page after Markdown has run (Markdown would only copy it, and
parsing every data table as raw HTML was a large part of the build time): the Markdown gets a
placeholder, the build context keeps the HTML, and :func:`place_rendered` puts it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kgo.build.cache import cached
from kgo.build.context import BuildContext
from kgo.render.markers import MarkerError, RenderContext, check_markers, expand_markers

_PLACEHOLDER = re.compile(r'<div data-kg="(kg-data-\d+)"></div>')


def check_pages(pages: Iterable[tuple[str, str]], datasets: Mapping[str, Any],
                context: BuildContext | None = None) -> list[MarkerError]:
    """Every marker problem of the pages given as (file on disk, name to report). With a build
    ``context`` the result is kept in the build cache (its key holds the code and data/)."""
    texts = [(Path(path).read_text(encoding="utf-8"), name) for path, name in pages]

    def check() -> list[list[Any]]:
        return [[p.file, p.line, p.message] for text, name in texts for p in check_markers(text, name, datasets)]

    rows = cached(context, "marker-check", texts, check) if context is not None else check()
    return [MarkerError(*row) for row in rows]


def fill_markers(markdown: str, context: BuildContext, lang: str, page: str) -> tuple[str, list[str]]:
    """The page's Markdown with a placeholder for every marker (the HTML waits in the context), and
    the pages the rendered HTML links to."""
    ctx = RenderContext(context.datasets, lang, page)
    rendered = context.stash
    rendered.clear()

    def placeholder(html: str) -> str:
        token = f"kg-data-{len(rendered)}"
        rendered[token] = html
        return f'<div data-kg="{token}"></div>'

    def expand() -> list:
        return [expand_markers(markdown, ctx, placeholder), rendered, sorted(set(ctx.links))]

    text, stored, links = cached(context, "markers", [markdown, ctx.lang, ctx.page], expand)
    rendered.update(stored)
    return text, links


def missing_links(links: Iterable[str], pages: set[str]) -> list[str]:
    """The linked pages (docs paths such as 'usluge.md') that the edition does not have."""
    return [link for link in links if link and link not in pages]


def place_rendered(html: str, context: BuildContext) -> str:
    """The page's HTML with every placeholder replaced by its rendered data."""
    rendered = context.stash
    return _PLACEHOLDER.sub(lambda m: rendered.pop(m.group(1)), html) if rendered else html
