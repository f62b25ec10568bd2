"""Forms (templates) of the publications: a blank table on the page, a CSV per edition and the
editable documents (DOCX, ODT and, for lists of records, XLSX and ODS; kgo.documents)."""

from kgo.documents import links
from kgo.opendata.files import template_file
from kgo.render.markers import record, renderer


def _form(ctx, dataset: str, id: str) -> str:
    template = record(ctx.data[dataset]["templates"], id, "template", f"data/{dataset}.yaml")
    return ctx.render("templates_table.html", template=template, csv_url=ctx.file_url(
        template_file(dataset, id, ctx.lang)), documents=links.files(ctx, dataset, id))


@renderer("templates_handbook", "table")
def handbook_form(ctx, id: str) -> str:
    return _form(ctx, "templates_handbook", id)


@renderer("templates_guidelines", "table")
def guidelines_form(ctx, id: str) -> str:
    return _form(ctx, "templates_guidelines", id)
