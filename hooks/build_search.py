"""MkDocs hook: write each edition's own search index (search/index.json under its root)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from hooks.mkdocs_support import LOCALE_BY_EDITION, edition, page_path
from hooks.search_index import index_json, page_records

_records: dict[str, list] = {}


def on_pre_build(config):
    _records[edition(config)] = []


def on_page_content(html, page, config, files):
    path = page_path(page)
    if path == "pretraga.md":
        return html  # the search page itself holds nothing to find
    url = page.url.removeprefix(config.extra.get("edition_root", ""))
    where = [section.title for section in reversed(page.ancestors)]  # "Smernice", "Projekat"
    _records[edition(config)] += page_records(url, page.title or "", html, where)
    return html


def on_post_build(config):
    lang = edition(config)
    target = Path(config.site_dir) / config.extra.get("edition_root", "") / "search" / "index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index_json(_records.get(lang, []), LOCALE_BY_EDITION[lang]), encoding="utf-8")
