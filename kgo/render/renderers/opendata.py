"""The open-data list on the downloads page: every dataset as CSV and JSON, with its licence."""

import json

from kgo.data.loader import DATA_DIR
from kgo.opendata.files import OPEN_DATA_DIR, main_records
from kgo.render.markers import renderer


def _title(name: str) -> dict[str, str]:
    """The dataset's title from its schema: ``title`` (English) and ``x-title-sr`` (Serbian)."""
    schema = json.loads((DATA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    english = schema.get("title", name)
    return {"sr": schema.get("x-title-sr", english), "en": english}


@renderer("opendata", "list", data_file=False)
def opendata_list(ctx) -> str:
    rows = []
    for name in sorted(ctx.data):
        _, records = main_records(ctx.data[name])
        rows.append({
            "name": name,
            "title": _title(name),
            "records": len(records),
            "csv": ctx.file_url(f"{OPEN_DATA_DIR}/{name}.csv"),
            "json": ctx.file_url(f"{OPEN_DATA_DIR}/{name}.json"),
        })
    licence = ctx.data.get("editions", {}).get("licence")
    return ctx.render("opendata_list.html", rows=rows, licence=licence)
