"""The downloads: the PDF books (``<!-- data: publications downloads -->``) and the editable
documents (``<!-- data: publications documents -->`` on the downloads page; one document's line with
``<!-- data: publications document dataset=standards id=checklists -->``, see kgo.documents).

One table per publication, a row per edition, links to the screen and print-shop PDFs. Page counts
and sizes exist only once the books are built, after every page: the table holds placeholders
``<span data-pdf="STEM" data-field="pages|size">`` that hooks/build_pdf.py fills in
(kgo.books.downloads.fill_download_stats).
"""

from kgo.books import names
from kgo.documents import links
from kgo.documents.content import PUBLICATION
from kgo.render.markers import renderer
from kgo.text import script_lang, t


@renderer("publications", "downloads")
def publications_downloads(ctx, publication: str | None = None) -> str:
    pubs = sorted(ctx.data["publications"]["publications"], key=lambda p: p["order"])
    if publication is not None:
        pubs = [p for p in pubs if p["id"] == publication]
        if not pubs:
            known = ", ".join(p["id"] for p in ctx.data["publications"]["publications"])
            raise ValueError(f"publications downloads: no publication {publication!r}; use one of {known}")
    tables = []
    for pub in pubs:
        rows = []
        for edition in names.EDITIONS:
            files = {}
            for variant in names.VARIANTS:
                stem = names.pdf_stem(pub, edition, variant)
                files[variant] = {"stem": stem, "name": f"{stem}.pdf",
                                  "href": ctx.file_url(names.pdf_path(pub, edition, variant))}
            rows.append({
                "edition_name": names.ui(f"edition_name_{edition}", ctx.lang),
                "edition_lang": script_lang(edition),
                "language": (names.ui("lang_en" if edition == "en" else "lang_sr", ctx.lang) + ", "
                             + names.ui(f"edition_hint_{edition}", ctx.lang)),
                "screen": files["screen"],
                "print": files["print"],
            })
        tables.append({"id": pub["id"], "title": t(pub["title"], ctx.lang), "rows": rows})
    return ctx.render("publications_downloads.html", tables=tables,
                      ui=lambda key: names.ui(key, ctx.lang))


@renderer("publications", "documents")
def publications_documents(ctx) -> str:
    """Every editable document with its formats, editions and sizes."""
    short = {p["id"]: t(p["short_title"], ctx.lang) for p in ctx.data["publications"]["publications"]}
    groups = links.table(ctx)
    for group in groups:
        word = ctx.ui("documents_group_" + group["id"])
        group["caption"] = f"{short[PUBLICATION[group['id']]]}: {word}"
    return ctx.render("documents_table.html", groups=groups, editions=links.edition_headers(ctx.lang), ui=ctx.ui)


@renderer("publications", "document")
def publications_document(ctx, dataset: str, id: str) -> str:
    """The download line of one editable document in the page's edition."""
    return ctx.render("documents_line.html", files=links.files(ctx, dataset, id), label=ctx.ui("documents_download"))
