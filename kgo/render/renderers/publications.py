"""The PDF books on the downloads page: ``<!-- data: publications downloads -->``.

One table per publication, a row per edition, links to the screen and print-shop PDFs. Page counts
and sizes exist only once the books are built, after every page: the table holds placeholders
``<span data-pdf="STEM" data-field="pages|size">`` that hooks/build_pdf.py fills in
(kgo.books.pdf.fill_download_stats).
"""

from kgo.books import pdf as pdf_books
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
        for edition in pdf_books.EDITIONS:
            files = {}
            for variant in pdf_books.VARIANTS:
                stem = pdf_books.pdf_stem(pub, edition, variant)
                files[variant] = {"stem": stem, "name": f"{stem}.pdf",
                                  "href": ctx.file_url(pdf_books.pdf_path(pub, edition, variant))}
            rows.append({
                "edition_name": pdf_books.ui(f"edition_name_{edition}", ctx.lang),
                "edition_lang": script_lang(edition),
                "language": (pdf_books.ui("lang_en" if edition == "en" else "lang_sr", ctx.lang) + ", "
                             + pdf_books.ui(f"edition_hint_{edition}", ctx.lang)),
                "screen": files["screen"],
                "print": files["print"],
            })
        tables.append({"id": pub["id"], "title": t(pub["title"], ctx.lang), "rows": rows})
    return ctx.render("publications_downloads.html", tables=tables,
                      ui=lambda key: pdf_books.ui(key, ctx.lang))
