"""The valorisation calculator on a page of the Guidelines, and its downloads.

Marker (DATASET ``valorization``): ``<!-- data: valorization calculator -->``.

The renderer writes the method's parameters (kgo.methods.valorization.method_params) and the
interface's words as JSON into the page; docs/assets/js/calculator.js reads them and computes in
the browser with docs/assets/js/calculator-method.js. Without JavaScript the block still offers the
spreadsheets and the CSV templates.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from kgo.calculator.build import names, words
from kgo.calculator.csvfiles import EXPORT_DECIMALS
from kgo.calculator.files import export_name, site_path
from kgo.calculator.layout import SECTOR_CODES, TOTAL_CODE, UNIT_CODE
from kgo.editions.model import edition
from kgo.methods.valorization import method_params
from kgo.render.markers import renderer
from kgo.render.renderers.valorization_common import model, quadrant_names

# Words of calculator.labels that the script needs (keys without the "page_" prefix in the JSON).
SCRIPT_WORDS = (
    "problems_title", "caption_normalised", "caption_dimensions", "caption_index", "caption_lq", "caption_matrix",
    "indicator", "dimension", "unit", "index", "rank", "sector", "share_local", "share_region", "lq",
    "concentration", "qualitative_potential", "potential", "readiness", "quadrant", "not_in_matrix", "dimensions",
)
MESSAGES = ("missing_column", "no_header", "not_a_number", "out_of_range", "no_name", "duplicate_name", "no_values",
            "missing_values", "empty_row", "no_units", "no_total", "bad_total", "bad_level", "partly_rated",
            "bad_parameter", "weights_sum", "reference_pair")
DOWNLOADS = ("xlsx", "ods", "units-template", "sectors-template", "units-example", "sectors-example",
             "results-example")


def _script_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _plain(ctx, value: float | None) -> str:
    """A parameter as it stands in an input field: '0,3' in Serbian, '0.3' in English."""
    if value is None:
        return ""
    return format(float(value), ".15g").replace(".", edition(ctx.lang).decimal)


@renderer("valorization", "calculator")
def calculator(ctx) -> str:
    data = model(ctx)
    word = words(data, ctx.lang)
    params = method_params(data)
    named = names(data, ctx.data["sectors"], ctx.lang)
    marks = edition(ctx.lang)
    payload = {
        "lang": ctx.lang,
        "group_mark": marks.group,
        "decimal_mark": marks.decimal,
        "params": params,
        "unit_code": UNIT_CODE,
        "units_spec": {"unit_code": UNIT_CODE,
                       "indicators": [{"id": i["id"], "min": i["min"], "max": i["max"]} for i in params["indicators"]]},
        "sectors_spec": {"sector_code": SECTOR_CODES[0], "local_code": SECTOR_CODES[1],
                         "region_code": SECTOR_CODES[2], "total_code": TOTAL_CODE,
                         "criteria": [c["id"] for c in params["criteria"]], "levels": params["levels"]},
        "indicator_names": {i["id"]: named[i["id"]] for i in params["indicators"]},
        "dimension_names": {d["id"]: named[d["id"]] for d in params["dimensions"]},
        "quadrant_names": quadrant_names(ctx),
        "export_decimals": EXPORT_DECIMALS,
        "export_filename": export_name(ctx.lang),
        "ui": {**{key: word(f"page_{key}") for key in SCRIPT_WORDS},
               **{f"msg_{key}": word(f"msg_{key}") for key in MESSAGES}},
    }
    downloads = [{"href": ctx.file_url(site_path(kind, ctx.lang)), "text": word(f"download_{kind}")}
                 for kind in DOWNLOADS]
    dims = [{"id": d["id"], "name": named[d["id"]], "weight": _plain(ctx, d["weight"])} for d in params["dimensions"]]
    indicators = [{"id": i["id"], "name": named[i["id"]], "weight": _plain(ctx, i["weight"])}
                  for i in params["indicators"]]
    rules = [{"id": key, "name": word(f"param_{key}"), "symbol": word(f"symbol_{key}"),
              "value": _plain(ctx, params[key]), "min": low, "max": high}
             for key, low, high in (("qualitative_share", 0, 1), ("lq_cap", 0.01, None), ("threshold", 0, 100),
                                    ("min_weight_share", 0.01, 1))]
    texts = {key: word(f"page_{key}") for key in (
        "intro", "offline", "downloads", "step_units", "step_units_help", "step_sectors", "step_sectors_help",
        "file", "paste", "parameters", "parameters_help", "reset_parameters", "calculate", "export", "no_script",
        "weight", "weight_in_dimension", "reference_min", "reference_max", "rules", "value", "dimension", "indicator")}
    return ctx.render("calculator_form.html", payload=_script_json(payload), downloads=downloads, dims=dims,
                      indicators=indicators, rules=rules, texts=texts)
