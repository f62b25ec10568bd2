"""MkDocs hook: a print-ready PDF book of every publication in every edition (kgo.books.build).

``KGO_PDF=0`` (make serve, make html) and ``mkdocs serve`` make no books.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from kgo.books import book, names
from kgo.books.build import BookError, enabled, make_books
from kgo.data.publications import publications
from kgo.engine.mkdocs import build_context, edition, is_inner_build, page_path


def on_page_content(html, page, config, files):
    context = build_context(config)
    if not enabled(context):
        return html
    lang = edition(config)
    path = page_path(page)
    folder, _, chapter = path.partition("/")
    pub = next((p for p in publications(context.datasets) if p["folder"] == folder and chapter in p["chapters"]),
               None)
    if pub is not None:
        context.book_pages[(lang, path)] = book.Chapter(path, page.url, page.title or "", html)
        page.meta["pdf_url"] = get_relative_url(names.pdf_path(pub, lang), page.url)
        page.meta["pdf_label"] = names.ui("download_book", lang)
        page.meta["pdf_title"] = names.ui("download_title", lang)
    if "data-pdf=" in html:
        context.downloads.append((lang, page.file.abs_dest_path))
    return html


@event_priority(-500)  # after the i18n plugin built every edition (-100), before the swap (-1000)
def on_post_build(config):
    context = build_context(config)
    if not enabled(context) or is_inner_build(config):
        return
    try:
        make_books(context, Path(config.site_dir), config.site_url or "")
    except BookError as error:
        raise PluginError(str(error)) from error
