"""Forms (templates) of the publications: a blank table on the page and a CSV per edition."""

from kgo.opendata.files import template_file
from kgo.render.markers import record, renderer


def _form(ctx, dataset: str, id: str) -> str:
    template = record(ctx.data[dataset]["templates"], id, "template", f"data/{dataset}.yaml")
    return ctx.render("templates_table.html", template=template, csv_url=ctx.file_url(
        template_file(dataset, id, ctx.lang)))


@renderer("templates_handbook", "table")
def handbook_form(ctx, id: str) -> str:
    return _form(ctx, "templates_handbook", id)


@renderer("templates_guidelines", "table")
def guidelines_form(ctx, id: str) -> str:
    return _form(ctx, "templates_guidelines", id)
