"""Tables of the Guidelines (data/valorization.yaml): the model and the worked example.

Every number of the worked example is computed here, at build time, by ``kgo.methods.valorization``
from the illustrative dataset; the pages hold only markers. Markers (DATASET ``valorization``):

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
``example-raw``             -
``example-normalised``      -
``example-dimensions``      -
``example-index``           -
``example-sensitivity``     -
``example-lq``              ``municipality=ID`` (default: the first unit)
``example-qualitative``     ``municipality=ID``
``example-matrix``          ``municipality=ID``
``example-summary``         ``municipality=ID``
==========================  =====================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.methods.valorization import compute_example, lq_band, weight_sets
from kgo.render.markers import record, renderer
from kgo.text import dataset_label

NUMBER_DECIMALS = 1   # normalised values, dimension scores, index, potential, readiness
LQ_DECIMALS = 2
WEIGHT_DECIMALS = 2


def _model(ctx) -> Mapping[str, Any]:
    return ctx.data["valorization"]


def _label(ctx, key: str) -> str:
    return dataset_label(_model(ctx), key, ctx.lang)


def _cell(text: Any, **flags: Any) -> dict[str, Any]:
    return {"text": "" if text is None else str(text), **flags}


def _head(text: str, num: bool = False) -> dict[str, Any]:
    return {"text": text, "num": num}


def _table(ctx, caption: str, headers, rows, note: str | None = None, wide: bool = False) -> str:
    return ctx.render("valorization_table.html", caption=caption, headers=headers, rows=rows,
                      note=note, wide=wide)


def _example(ctx):
    # The example is small; computing it per marker keeps renderers independent and pure.
    return compute_example(_model(ctx))


def _unit(ctx, municipality: str | None) -> Mapping[str, Any]:
    units = _model(ctx)["example"]["units"]
    if municipality is None:
        return units[0]
    for unit in units:
        if unit["id"] == municipality:
            return unit
    raise KeyError(f"no example unit id={municipality!r} in data/valorization.yaml; "
                   f"known: {', '.join(u['id'] for u in units)}")


def _decimals(values) -> int:
    """Decimals needed to show raw values as written in the data (at most 2)."""
    best = 0
    for v in values:
        if isinstance(v, float):
            text = repr(v)
            best = max(best, len(text.split(".")[1]) if "." in text else 0)
    return min(best, 2)


def _sector_names(ctx) -> dict[str, str]:
    sectors = ctx.data.get("sectors", {}).get("sectors", [])
    return {s["id"]: ctx.t(s["name"]) for s in sectors}


def _dim_names(ctx) -> dict[str, str]:
    return {d["id"]: ctx.t(d["name"]) for d in _model(ctx)["dimensions"]}


def _illustrative_note(ctx) -> str:
    return _label(ctx, "illustrative_note")


# --- the model -------------------------------------------------------------------------------

@renderer("valorization", "dimensions")
def dimensions_table(ctx) -> str:
    model = _model(ctx)
    jrc, unesco = model["frameworks"]["jrc"]["parts"], model["frameworks"]["unesco"]["parts"]
    rows = []
    for dim in model["dimensions"]:
        inds = [i for i in model["indicators"] if i["dimension"] == dim["id"]]
        jrc_ids = list(dict.fromkeys(i["alignment"]["jrc"] for i in inds))
        unesco_ids = list(dict.fromkeys(i["alignment"]["unesco"] for i in inds))
        rows.append([
            _cell(ctx.t(dim["name"])),
            _cell(ctx.t(dim["description"])),
            _cell(ctx.num(dim["weight"], WEIGHT_DECIMALS), num=True),
            _cell("; ".join(ctx.t(jrc[j]) for j in jrc_ids)),
            _cell("; ".join(ctx.t(unesco[u]) for u in unesco_ids)),
        ])
    headers = [_head(_label(ctx, "dimension")), _head(_label(ctx, "description")),
               _head(_label(ctx, "weight"), True), _head(_label(ctx, "jrc")), _head(_label(ctx, "unesco"))]
    return _table(ctx, _label(ctx, "caption_dimensions"), headers, rows)


@renderer("valorization", "indicators")
def indicators_table(ctx, dimension: str) -> str:
    model = _model(ctx)
    dims = {d["id"]: d for d in model["dimensions"]}
    if dimension not in dims:
        raise KeyError(f"no dimension id={dimension!r} in data/valorization.yaml; known: {', '.join(dims)}")
    freq = model["frequencies"]
    rows = []
    for ind in model["indicators"]:
        if ind["dimension"] != dimension:
            continue
        direction = _label(ctx, "direction_plus" if ind["direction"] == "+" else "direction_minus")
        rows.append([
            _cell(ctx.t(ind["name"]), sub=ind["id"]),
            _cell(ctx.t(ind["measures"])),
            _cell(ctx.t(ind["formula"]), code=True),
            _cell(ctx.t(ind["unit"])),
            _cell(ctx.t(ind["source"])),
            _cell(ctx.t(freq[ind["frequency"]])),
            _cell(direction),
            _cell(ctx.num(ind["weight"], WEIGHT_DECIMALS), num=True),
        ])
    headers = [_head(_label(ctx, "indicator")), _head(_label(ctx, "measures")), _head(_label(ctx, "formula")),
               _head(_label(ctx, "unit")), _head(_label(ctx, "source_of_data")), _head(_label(ctx, "frequency")),
               _head(_label(ctx, "direction")), _head(_label(ctx, "weight_in_dimension"), True)]
    caption = f"{_label(ctx, 'caption_indicators')}: {ctx.t(dims[dimension]['name'])}"
    return _table(ctx, caption, headers, rows, wide=True)


@renderer("valorization", "alignment")
def alignment_table(ctx) -> str:
    model = _model(ctx)
    fw = model["frameworks"]
    dims = _dim_names(ctx)
    rows = []
    for ind in model["indicators"]:
        number = ind["alignment"].get("unesco_indicator")
        unesco_ind = f"{number}. {ctx.t(fw['unesco']['indicators'][number])}" if number else "–"
        rows.append([
            _cell(ctx.t(ind["name"]), sub=dims[ind["dimension"]]),
            _cell(ctx.t(fw["jrc"]["parts"][ind["alignment"]["jrc"]])),
            _cell(ctx.t(fw["unesco"]["parts"][ind["alignment"]["unesco"]])),
            _cell(unesco_ind),
        ])
    headers = [_head(_label(ctx, "indicator")), _head(_label(ctx, "jrc")), _head(_label(ctx, "unesco")),
               _head(_label(ctx, "unesco_indicator"))]
    return _table(ctx, _label(ctx, "caption_alignment"), headers, rows, note=_label(ctx, "frameworks_note"))


@renderer("valorization", "weight-sets")
def weight_sets_table(ctx) -> str:
    model = _model(ctx)
    dims = model["dimensions"]
    names = {"base": _label(ctx, "base_weights")}
    descriptions: dict[str, str] = {"base": ""}
    for ws in model["weight_sets"]:
        names[ws["id"]] = ctx.t(ws["name"])
        descriptions[ws["id"]] = ctx.t(ws["description"])
    rows = []
    for set_id, weights in weight_sets(model):
        rows.append([_cell(names[set_id], sub=descriptions[set_id] or None)]
                    + [_cell(ctx.num(weights[d["id"]], WEIGHT_DECIMALS), num=True) for d in dims])
    headers = [_head(_label(ctx, "weight_set"))] + [_head(ctx.t(d["name"]), True) for d in dims]
    return _table(ctx, _label(ctx, "caption_weight_sets"), headers, rows)


def _range_text(ctx, band: Mapping[str, Any], decimals: int) -> str:
    low, high = band.get("min"), band.get("max")
    if low is None:
        return f"< {ctx.num(high, decimals)}"
    if high is None:
        return f"≥ {ctx.num(low, decimals)}"
    return f"{ctx.num(low, decimals)} – < {ctx.num(high, decimals)}"


@renderer("valorization", "bands")
def bands_table(ctx, scale: str = "lq") -> str:
    scales = _model(ctx)["scales"]
    if scale not in ("lq", "index"):
        raise KeyError(f"bands scale={scale!r}: use scale=lq or scale=index")
    bands = scales["lq_bands" if scale == "lq" else "index_bands"]
    decimals = LQ_DECIMALS if scale == "lq" else 0
    rows = [[_cell(_range_text(ctx, b, decimals)), _cell(ctx.t(b["name"]))] for b in bands]
    first = _label(ctx, "lq") if scale == "lq" else _label(ctx, "index")
    caption = _label(ctx, "caption_bands") if scale == "lq" else _label(ctx, "index")
    return _table(ctx, caption, [_head(first), _head(_label(ctx, "band"))], rows)


@renderer("valorization", "criteria")
def criteria_table(ctx) -> str:
    rows = []
    for crit in _model(ctx)["criteria"]:
        rows.append([_cell(ctx.t(crit["name"])), _cell(_label(ctx, f"group_{crit['group']}")),
                     _cell(ctx.t(crit["question"]))])
    headers = [_head(_label(ctx, "criterion")), _head(_label(ctx, "group")), _head(_label(ctx, "question"))]
    return _table(ctx, _label(ctx, "caption_criteria_overview"), headers, rows)


@renderer("valorization", "criterion")
def criterion_table(ctx, id: str) -> str:
    model = _model(ctx)
    crit = record(model["criteria"], id, "criterion", "data/valorization.yaml")
    labels = model["scales"]["qualitative"]["labels"]
    rows = []
    for d in sorted(crit["descriptors"], key=lambda d: d["level"]):
        name = labels.get(str(d["level"]))
        rows.append([_cell(ctx.num(d["level"]), sub=ctx.t(name) if name else None), _cell(ctx.t(d["text"]))])
    caption = f"{_label(ctx, 'caption_criteria')}: {ctx.t(crit['name'])}"
    return _table(ctx, caption, [_head(_label(ctx, "level")), _head(_label(ctx, "description"))], rows,
                  note=ctx.t(crit["question"]))


@renderer("valorization", "quadrants")
def quadrants_table(ctx) -> str:
    rules = _model(ctx)["prioritisation"]
    threshold = ctx.num(rules["threshold"])
    p, r = _label(ctx, "potential"), _label(ctx, "readiness")
    conditions = {
        "develop": f"{p} ≥ {threshold}; {r} ≥ {threshold}",
        "build-capacity": f"{p} ≥ {threshold}; {r} < {threshold}",
        "maintain": f"{p} < {threshold}; {r} ≥ {threshold}",
        "monitor": f"{p} < {threshold}; {r} < {threshold}",
    }
    rows = [[_cell(ctx.t(q["name"])), _cell(conditions[qid]), _cell(ctx.t(q["action"]))]
            for qid, q in rules["quadrants"].items()]
    headers = [_head(_label(ctx, "quadrant")), _head(_label(ctx, "value_range")), _head(_label(ctx, "action"))]
    return _table(ctx, _label(ctx, "caption_quadrants"), headers, rows)


# --- the worked example ------------------------------------------------------------------------

def _unit_headers(ctx, first: str):
    units = _model(ctx)["example"]["units"]
    return [_head(first)] + [_head(ctx.t(u["name"]), True) for u in units]


@renderer("valorization", "example-raw")
def example_raw(ctx) -> str:
    model = _model(ctx)
    units = model["example"]["units"]
    rows = []
    for ind in model["indicators"]:
        values = [u["values"][ind["id"]] for u in units]
        decimals = _decimals(values)
        direction = "" if ind["direction"] == "+" else " (−)"
        rows.append([_cell(ctx.t(ind["name"]) + direction, sub=ctx.t(ind["unit"]))]
                    + [_cell(ctx.num(v, decimals), num=True) for v in values])
    return _table(ctx, _label(ctx, "caption_raw"), _unit_headers(ctx, _label(ctx, "indicator")), rows,
                  note=_illustrative_note(ctx), wide=True)


@renderer("valorization", "example-normalised")
def example_normalised(ctx) -> str:
    model = _model(ctx)
    ex = _example(ctx)
    rows = []
    for ind in model["indicators"]:
        direction = "" if ind["direction"] == "+" else " (−)"
        rows.append([_cell(ctx.t(ind["name"]) + direction)]
                    + [_cell(ctx.num(ex.normalised[ind["id"]][u], NUMBER_DECIMALS), num=True) for u in ex.units])
    return _table(ctx, _label(ctx, "caption_normalised"), _unit_headers(ctx, _label(ctx, "indicator")), rows,
                  note=_illustrative_note(ctx), wide=True)


@renderer("valorization", "example-dimensions")
def example_dimensions(ctx) -> str:
    model = _model(ctx)
    ex = _example(ctx)
    rows = []
    for dim in model["dimensions"]:
        weight = f"{_label(ctx, 'weight')} {ctx.num(dim['weight'], WEIGHT_DECIMALS)}"
        rows.append([_cell(ctx.t(dim["name"]), sub=weight)]
                    + [_cell(ctx.num(ex.dimension_scores[u][dim["id"]], NUMBER_DECIMALS), num=True)
                       for u in ex.units])
    return _table(ctx, _label(ctx, "caption_dimension_scores"), _unit_headers(ctx, _label(ctx, "dimension")),
                  rows, note=_illustrative_note(ctx))


def _index_band(ctx, value: float) -> str:
    bands = _model(ctx)["scales"]["index_bands"]
    band = lq_band(value, bands)   # same [min, max) rule as the LQ bands
    return ctx.t(next(b["name"] for b in bands if b["id"] == band))


@renderer("valorization", "example-index")
def example_index(ctx) -> str:
    model = _model(ctx)
    ex = _example(ctx)
    names = {u["id"]: ctx.t(u["name"]) for u in model["example"]["units"]}
    order = sorted(ex.units, key=lambda u: (ex.ranks[u], names[u]))
    rows = [[_cell(names[u]), _cell(ctx.num(ex.ranks[u]), num=True),
             _cell(ctx.num(ex.index[u], NUMBER_DECIMALS), num=True, strong=True), _cell(_index_band(ctx, ex.index[u]))]
            for u in order]
    headers = [_head(_label(ctx, "municipality")), _head(_label(ctx, "rank"), True),
               _head(_label(ctx, "index"), True), _head(_label(ctx, "band"))]
    return _table(ctx, _label(ctx, "caption_index"), headers, rows, note=_illustrative_note(ctx))


@renderer("valorization", "example-sensitivity")
def example_sensitivity(ctx) -> str:
    model = _model(ctx)
    ex = _example(ctx)
    names = {"base": _label(ctx, "base_weights")}
    names.update({ws["id"]: ctx.t(ws["name"]) for ws in model["weight_sets"]})
    units = {u["id"]: ctx.t(u["name"]) for u in model["example"]["units"]}
    rows = []
    for u in sorted(ex.units, key=lambda u: (ex.ranks[u], units[u])):
        cells = [_cell(units[u])]
        for set_id in ex.sensitivity:
            cells.append(_cell(f"{ctx.num(ex.sensitivity[set_id][u], NUMBER_DECIMALS)} "
                               f"({ctx.num(ex.sensitivity_ranks[set_id][u])})", num=True))
        best, worst = ex.rank_range[u]
        cells.append(_cell(ctx.num(best) if best == worst else f"{ctx.num(best)}–{ctx.num(worst)}", num=True))
        rows.append(cells)
    headers = ([_head(_label(ctx, "municipality"))] + [_head(names[s], True) for s in ex.sensitivity]
               + [_head(_label(ctx, "rank_range"), True)])
    return _table(ctx, _label(ctx, "caption_sensitivity"), headers, rows, note=_illustrative_note(ctx))


@renderer("valorization", "example-lq")
def example_lq(ctx, municipality: str | None = None) -> str:
    model = _model(ctx)
    unit = _unit(ctx, municipality)
    ex = _example(ctx)
    ref = model["example"]["reference"]["employment"]
    sectors = _sector_names(ctx)
    bands = model["scales"]["lq_bands"]
    band_names = {b["id"]: ctx.t(b["name"]) for b in bands}
    e, big_e = unit["employment"]["total"], ref["total"]
    rows = []
    for sector, e_i in unit["employment"]["sectors"].items():
        big_e_i = ref["sectors"][sector]
        lq = ex.lq[unit["id"]][sector]
        rows.append([
            _cell(sectors.get(sector, sector)),
            _cell(ctx.num(e_i), num=True),
            _cell(ctx.num(e), num=True),
            _cell(ctx.num(100 * e_i / e, 2), num=True),
            _cell(ctx.num(big_e_i), num=True),
            _cell(ctx.num(big_e), num=True),
            _cell(ctx.num(100 * big_e_i / big_e, 2), num=True),
            _cell(ctx.num(lq, LQ_DECIMALS), num=True, strong=True),
            _cell(band_names[lq_band(lq, bands)]),
        ])
    headers = [_head(_label(ctx, "sector")), _head(_label(ctx, "employment_local"), True),
               _head(_label(ctx, "employment_local_total"), True), _head(_label(ctx, "share_local"), True),
               _head(_label(ctx, "employment_region"), True), _head("E", True),
               _head(_label(ctx, "share_region"), True), _head(_label(ctx, "lq"), True),
               _head(_label(ctx, "band"))]
    caption = f"{_label(ctx, 'caption_lq')} – {ctx.t(unit['name'])} / {ctx.t(model['example']['reference']['name'])}"
    return _table(ctx, caption, headers, rows, note=_illustrative_note(ctx), wide=True)


def _criteria(ctx):
    return _model(ctx)["criteria"]


@renderer("valorization", "example-qualitative")
def example_qualitative(ctx, municipality: str | None = None) -> str:
    unit = _unit(ctx, municipality)
    sectors = _sector_names(ctx)
    criteria = _criteria(ctx)
    rows = []
    for sector, levels in unit.get("assessment", {}).items():
        rows.append([_cell(sectors.get(sector, sector))]
                    + [_cell(ctx.num(levels[c["id"]]), num=True) for c in criteria])
    headers = [_head(_label(ctx, "sector"))] + [
        {"text": ctx.t(c["name"]), "num": True} for c in criteria]
    caption = f"{_label(ctx, 'caption_qualitative')} – {ctx.t(unit['name'])}"
    return _table(ctx, caption, headers, rows, note=_illustrative_note(ctx))


@renderer("valorization", "example-matrix")
def example_matrix(ctx, municipality: str | None = None) -> str:
    model = _model(ctx)
    unit = _unit(ctx, municipality)
    ex = _example(ctx)
    sectors = _sector_names(ctx)
    quadrants = model["prioritisation"]["quadrants"]
    rows = []
    matrix = ex.matrix.get(unit["id"], {})
    order = sorted(matrix, key=lambda s: (-matrix[s]["potential"], sectors.get(s, s)))
    for sector in order:
        row = matrix[sector]
        rows.append([
            _cell(sectors.get(sector, sector)),
            _cell(ctx.num(row["qualitative_potential"], NUMBER_DECIMALS), num=True),
            _cell(ctx.num(ex.lq[unit["id"]][sector], LQ_DECIMALS), num=True),
            _cell(ctx.num(row["concentration"], NUMBER_DECIMALS), num=True),
            _cell(ctx.num(row["potential"], NUMBER_DECIMALS), num=True, strong=True),
            _cell(ctx.num(row["readiness"], NUMBER_DECIMALS), num=True, strong=True),
            _cell(ctx.t(quadrants[row["quadrant"]]["name"])),
        ])
    headers = [_head(_label(ctx, "sector")), _head(_label(ctx, "qualitative_potential"), True),
               _head(_label(ctx, "lq"), True), _head(_label(ctx, "concentration"), True),
               _head(_label(ctx, "potential"), True), _head(_label(ctx, "readiness"), True),
               _head(_label(ctx, "quadrant"))]
    caption = f"{_label(ctx, 'caption_matrix')} – {ctx.t(unit['name'])}"
    table = _table(ctx, caption, headers, rows, note=_illustrative_note(ctx), wide=True)
    points = [{"label": sectors.get(s, s), "x": matrix[s]["readiness"], "y": matrix[s]["potential"]}
              for s in order]
    chart = ctx.render("valorization_matrix.html", points=points,
                       threshold=float(model["prioritisation"]["threshold"]),
                       quadrants={k: ctx.t(v["name"]) for k, v in quadrants.items()},
                       x_label=_label(ctx, "readiness"), y_label=_label(ctx, "potential"), caption=caption)
    return table + "\n" + chart


@renderer("valorization", "example-summary")
def example_summary(ctx, municipality: str | None = None) -> str:
    """Key findings for one unit, so that the prose never repeats a computed number."""
    model = _model(ctx)
    unit = _unit(ctx, municipality)
    ex = _example(ctx)
    uid = unit["id"]
    dims = _dim_names(ctx)
    sectors = _sector_names(ctx)
    scores = ex.dimension_scores[uid]
    strongest = max(scores, key=lambda d: scores[d])
    weakest = min(scores, key=lambda d: scores[d])
    best, worst = ex.rank_range[uid]
    span = ctx.num(best) if best == worst else f"{ctx.num(best)}–{ctx.num(worst)}"

    def scored(dim: str) -> str:
        return f"{dims[dim]} ({ctx.num(scores[dim], NUMBER_DECIMALS)})"

    rows = [
        [_cell(_label(ctx, "rank")), _cell(f"{ctx.num(ex.ranks[uid])} / {ctx.num(len(ex.units))}")],
        [_cell(_label(ctx, "index")), _cell(ctx.num(ex.index[uid], NUMBER_DECIMALS))],
        [_cell(_label(ctx, "summary_strongest")), _cell(scored(strongest))],
        [_cell(_label(ctx, "summary_weakest")), _cell(scored(weakest))],
        [_cell(_label(ctx, "rank_range")), _cell(span)],
    ]
    if uid in ex.lq:
        lqs = ex.lq[uid]
        top = max(lqs, key=lambda s: lqs[s])
        rows.append([_cell(_label(ctx, "summary_top_lq")),
                     _cell(f"{sectors.get(top, top)} ({ctx.num(lqs[top], LQ_DECIMALS)})")])
    if uid in ex.matrix:
        quadrants = model["prioritisation"]["quadrants"]
        for qid, q in quadrants.items():
            members = [sectors.get(s, s) for s, row in ex.matrix[uid].items() if row["quadrant"] == qid]
            rows.append([_cell(ctx.t(q["name"])), _cell(", ".join(members) or "–")])
    caption = f"{_label(ctx, 'caption_summary')} – {ctx.t(unit['name'])}"
    return _table(ctx, caption, [_head(_label(ctx, "summary_item")), _head(_label(ctx, "summary_value"))],
                  rows, note=_illustrative_note(ctx))
