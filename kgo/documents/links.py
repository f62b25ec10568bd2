"""Download links of the editable documents for the pages: one line per document (the page of a
form, a model act or the checklists) and the table of every document (the downloads page)."""

from __future__ import annotations

from typing import Any

from kgo.books import names
from kgo.books.downloads import format_size
from kgo.documents import build, catalogue
from kgo.editions.model import CODES
from kgo.text import script_lang

MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt": "application/vnd.oasis.opendocument.text",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ods": "application/vnd.oasis.opendocument.spreadsheet"}


def files(ctx: Any, dataset: str, item_id: str, edition: str | None = None) -> list[dict[str, str]]:
    """The files of one document in an edition (the page's by default), ready for a template:
    format, relative link, MIME type, language tag and size in the page's language; none when the
    data the documents are made from is not loaded (kgo.documents.build.available)."""
    if not build.available(ctx.data):
        return []
    edition = edition or ctx.lang
    return [{"format": f["format"], "href": ctx.file_url(f["path"]), "mime": MIME[f["ext"]],
             "lang": script_lang(edition), "size": format_size(f["bytes"], ctx.lang),
             "name": f["path"].rsplit("/", 1)[-1]}
            for f in build.links(ctx.data, dataset, item_id, edition)]


def table(ctx: Any) -> list[dict[str, Any]]:
    """Every document by group, each with its title and its files in every edition."""
    groups = []
    for group, dataset, _prefix in catalogue.GROUPS:
        rows = [{"title": catalogue.title(ctx.data, item, ctx.lang),
                 "editions": [files(ctx, dataset, item.id, code) for code in CODES]}
                for item in catalogue.entries(ctx.data) if item.dataset == dataset]
        groups.append({"id": group, "rows": rows})
    return groups


def edition_headers(lang: str) -> list[dict[str, str]]:
    """The editions as column headings: name and language tag."""
    return [{"name": names.ui(f"edition_name_{code}", lang), "lang": script_lang(code)} for code in CODES]

