"""MkDocs hook: write each edition's own search index (search/index.json under its root)."""

from pathlib import Path

from kgo.build.cache import cached
from kgo.editions.model import edition as edition_of
from kgo.engine.mkdocs import build_context, edition, page_path
from kgo.search.index import index_json, page_records


def on_pre_build(config):
    build_context(config).search_records[edition(config)] = []


def on_page_content(html, page, config, files):
    if page_path(page) == "pretraga.md":
        return html  # the search page itself holds nothing to find
    url = page.url.removeprefix(config.extra.get("edition_root", ""))
    where = [section.title for section in reversed(page.ancestors)]  # "Smernice", "Projekat"
    title, context = page.title or "", build_context(config)
    # Kept in the build cache: a page whose HTML did not change gives the same records.
    records = cached(context, "search", [url, title, html, where], lambda: page_records(url, title, html, where))
    context.search_records[edition(config)] += records
    return html


def on_post_build(config):
    lang = edition(config)
    target = Path(config.site_dir) / config.extra.get("edition_root", "") / "search" / "index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    records = build_context(config).search_records.get(lang, [])
    target.write_text(index_json(records, edition_of(lang).locale), encoding="utf-8")
