"""Tables of the Guidelines' model (data/valorization.yaml): dimensions, indicators, weights,
bands, criteria, quadrants, every parameter of the method and how the data is obtained.

Markers (DATASET ``valorization``; the example, sensitivity and calculator views are in the
modules ``valorization_example``, ``valorization_sensitivity`` and ``valorization_calculator``):

==========================  =====================================================================
view                        arguments
==========================  =====================================================================
``dimensions``              -
``indicators``              ``dimension=ID`` (required)
``alignment``               -
``weight-sets``             -
``bands``                   ``scale=lq|index``
``criteria``                -
``criterion``               ``id=ID``
``quadrants``               -
``parameters``              - (every parameter of the matrix and of the missing-data rule)
``access``                  - (free data, data on request, special tabulations)
==========================  =====================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.methods.valorization import weight_sets
from kgo.render.markers import record, renderer
from kgo.render.reference import source_texts
from kgo.render.renderers.valorization_common import WEIGHT_DECIMALS, cell, dim_names, head, model, num, table


@renderer("valorization", "dimensions")
def dimensions_table(ctx) -> str:
    data = model(ctx)
    jrc, unesco = data["frameworks"]["jrc"]["parts"], data["frameworks"]["unesco"]["parts"]
    rows = []
    for dim in data["dimensions"]:
        inds = [i for i in data["indicators"] if i["dimension"] == dim["id"]]
        jrc_ids = list(dict.fromkeys(i["alignment"]["jrc"] for i in inds))
        unesco_ids = list(dict.fromkeys(i["alignment"]["unesco"] for i in inds))
        rows.append([
            cell(ctx.t(dim["name"]), sub=dim["id"]),
            cell(ctx.t(dim["description"])),
            cell(num(ctx, dim["weight"], WEIGHT_DECIMALS), num=True),
            cell("; ".join(ctx.t(jrc[j]) for j in jrc_ids)),
            cell("; ".join(ctx.t(unesco[u]) for u in unesco_ids)),
        ])
    headers = [head(ctx.label("dimension")), head(ctx.label("description")),
               head(ctx.label("weight"), True), head(ctx.label("jrc")), head(ctx.label("unesco"))]
    return table(ctx, ctx.label("caption_dimensions"), headers, rows)


@renderer("valorization", "indicators")
def indicators_table(ctx, dimension: str) -> str:
    data = model(ctx)
    dims = {d["id"]: d for d in data["dimensions"]}
    if dimension not in dims:
        raise KeyError(f"no dimension id={dimension!r} in data/valorization.yaml; known: {', '.join(dims)}")
    freq = data["frequencies"]
    access = {a["id"]: ctx.t(a["name"]) for a in data["access"]}
    rows = []
    for ind in data["indicators"]:
        if ind["dimension"] != dimension:
            continue
        direction = ctx.label("direction_plus" if ind["direction"] == "+" else "direction_minus")
        rows.append([
            cell(ctx.t(ind["name"]), sub=ind["id"]),
            cell(ctx.t(ind["measures"])),
            cell(ctx.t(ind["formula"]), code=True),
            cell(ctx.t(ind["unit"])),
            cell(ctx.t(ind["source"]), sub=access[ind["access"]]),
            cell(ctx.t(freq[ind["frequency"]])),
            cell(direction),
            cell(num(ctx, ind["weight"], WEIGHT_DECIMALS), num=True),
        ])
    headers = [head(ctx.label("indicator")), head(ctx.label("measures")), head(ctx.label("formula")),
               head(ctx.label("unit")), head(ctx.label("source_of_data")), head(ctx.label("frequency")),
               head(ctx.label("direction")), head(ctx.label("weight_in_dimension"), True)]
    caption = f"{ctx.label('caption_indicators')}: {ctx.t(dims[dimension]['name'])}"
    return table(ctx, caption, headers, rows, note=ctx.label("indicator_code_note"), wide=True)


@renderer("valorization", "alignment")
def alignment_table(ctx) -> str:
    data = model(ctx)
    fw = data["frameworks"]
    dims = dim_names(ctx)
    rows = []
    for ind in data["indicators"]:
        number = ind["alignment"].get("unesco_indicator")
        unesco_ind = f"{number}. {ctx.t(fw['unesco']['indicators'][number])}" if number else "–"
        rows.append([
            cell(ctx.t(ind["name"]), sub=dims[ind["dimension"]]),
            cell(ctx.t(fw["jrc"]["parts"][ind["alignment"]["jrc"]])),
            cell(ctx.t(fw["unesco"]["parts"][ind["alignment"]["unesco"]])),
            cell(unesco_ind),
        ])
    headers = [head(ctx.label("indicator")), head(ctx.label("jrc")), head(ctx.label("unesco")),
               head(ctx.label("unesco_indicator"))]
    return table(ctx, ctx.label("caption_alignment"), headers, rows, note=ctx.label("frameworks_note"))


@renderer("valorization", "weight-sets")
def weight_sets_table(ctx) -> str:
    data = model(ctx)
    dims = data["dimensions"]
    names = {"base": ctx.label("base_weights")}
    descriptions: dict[str, str] = {"base": ""}
    for ws in data["weight_sets"]:
        names[ws["id"]] = ctx.t(ws["name"])
        descriptions[ws["id"]] = ctx.t(ws["description"])
    rows = []
    for set_id, weights in weight_sets(data):
        rows.append([cell(names[set_id], sub=descriptions[set_id] or None)]
                    + [cell(num(ctx, weights[d["id"]], WEIGHT_DECIMALS), num=True) for d in dims])
    headers = [head(ctx.label("weight_set"))] + [head(ctx.t(d["name"]), True) for d in dims]
    return table(ctx, ctx.label("caption_weight_sets"), headers, rows)


def _range_text(ctx, band: Mapping[str, Any], decimals: int) -> str:
    low, high = band.get("min"), band.get("max")
    if low is None:
        return f"< {num(ctx, high, decimals)}"
    if high is None:
        return f"≥ {num(ctx, low, decimals)}"
    return f"{num(ctx, low, decimals)} – < {num(ctx, high, decimals)}"


@renderer("valorization", "bands")
def bands_table(ctx, scale: str = "lq") -> str:
    scales = model(ctx)["scales"]
    if scale not in ("lq", "index"):
        raise KeyError(f"bands scale={scale!r}: use scale=lq or scale=index")
    bands = scales["lq_bands" if scale == "lq" else "index_bands"]
    decimals = 2 if scale == "lq" else 0
    rows = [[cell(_range_text(ctx, b, decimals)), cell(ctx.t(b["name"]))] for b in bands]
    first = ctx.label("lq") if scale == "lq" else ctx.label("index")
    caption = ctx.label("caption_bands") if scale == "lq" else ctx.label("index")
    return table(ctx, caption, [head(first), head(ctx.label("band"))], rows)


@renderer("valorization", "criteria")
def criteria_table(ctx) -> str:
    rows = []
    for crit in model(ctx)["criteria"]:
        rows.append([cell(ctx.t(crit["name"]), sub=crit["id"]), cell(ctx.label(f"group_{crit['group']}")),
                     cell(ctx.t(crit["question"]))])
    headers = [head(ctx.label("criterion")), head(ctx.label("group")), head(ctx.label("question"))]
    return table(ctx, ctx.label("caption_criteria_overview"), headers, rows)


@renderer("valorization", "criterion")
def criterion_table(ctx, id: str) -> str:
    data = model(ctx)
    crit = record(data["criteria"], id, "criterion", "data/valorization.yaml")
    labels = data["scales"]["qualitative"]["labels"]
    rows = []
    for d in sorted(crit["descriptors"], key=lambda d: d["level"]):
        name = labels.get(str(d["level"]))
        rows.append([cell(ctx.num(d["level"]), sub=ctx.t(name) if name else None), cell(ctx.t(d["text"]))])
    caption = f"{ctx.label('caption_criteria')}: {ctx.t(crit['name'])}"
    return table(ctx, caption, [head(ctx.label("level")), head(ctx.label("description"))], rows,
                 note=ctx.t(crit["question"]))


@renderer("valorization", "quadrants")
def quadrants_table(ctx) -> str:
    rules = model(ctx)["prioritisation"]
    threshold = ctx.num(rules["threshold"])
    p, r = ctx.label("potential"), ctx.label("readiness")
    conditions = {
        "develop": f"{p} ≥ {threshold}; {r} ≥ {threshold}",
        "build-capacity": f"{p} ≥ {threshold}; {r} < {threshold}",
        "maintain": f"{p} < {threshold}; {r} ≥ {threshold}",
        "monitor": f"{p} < {threshold}; {r} < {threshold}",
    }
    rows = [[cell(ctx.t(q["name"])), cell(conditions[qid]), cell(ctx.t(q["action"]))]
            for qid, q in rules["quadrants"].items()]
    headers = [head(ctx.label("quadrant")), head(ctx.label("value_range")), head(ctx.label("action"))]
    return table(ctx, ctx.label("caption_quadrants"), headers, rows)


@renderer("valorization", "parameters")
def parameters_table(ctx) -> str:
    """Every parameter of the scales, the matrix and the missing-data rule, from the data."""
    data = model(ctx)
    rules = data["prioritisation"]
    norm = data["scales"]["normalisation"]
    levels = data["scales"]["qualitative"]["levels"]

    def value(v: float) -> str:
        return ctx.num(v, 0 if float(v).is_integer() else (1 if float(v * 10).is_integer() else 2))

    rows = [
        ("param_scale", "", f"{value(norm['min'])}–{value(norm['max'])}"),
        ("param_equal", "", value((norm["max"] + norm["min"]) / 2)),
        ("param_levels", "L", value(levels)),
        ("param_share", ctx.label("symbol_qualitative_share"), value(rules["qualitative_share"])),
        ("param_complement", "1 − a", value(1 - rules["qualitative_share"])),
        ("param_cap", ctx.label("symbol_lq_cap"), value(rules["lq_cap"])),
        ("param_threshold", ctx.label("symbol_threshold"), value(rules["threshold"])),
        ("param_missing", "", value(data["missing_data"]["min_weight_share"])),
    ]
    body = [[cell(ctx.label(key)), cell(symbol, code=bool(symbol)), cell(text, num=True)]
            for key, symbol, text in rows]
    headers = [head(ctx.label("parameter")), head(ctx.label("symbol")), head(ctx.label("value"), True)]
    return table(ctx, ctx.label("caption_parameters"), headers, body, note=ctx.label("parameters_note"))


@renderer("valorization", "access")
def access_table(ctx) -> str:
    """How the data of each indicator is obtained: free, on request for a fee, special tabulation."""
    data = model(ctx)
    rows = []
    for item in data["access"]:
        names = [ctx.t(i["name"]) for i in data["indicators"] if i["access"] == item["id"]]
        if item["id"] == "special-tabulation":
            names.append(ctx.label("lq_inputs"))
        source = item.get("source")
        rows.append([
            cell(ctx.t(item["name"]), sub=ctx.t(item["cost"])),
            cell(ctx.t(item["how"]), href_after=source["url"] if source and source.get("url") else None,
                 link_text=source_texts(source, ctx.lang)["title"] if source else None),
            cell("; ".join(names) or "–"),
        ])
    headers = [head(ctx.label("access_kind")), head(ctx.label("access_how")), head(ctx.label("access_used_for"))]
    return table(ctx, ctx.label("caption_access"), headers, rows, note=ctx.label("access_note"), wide=True)
