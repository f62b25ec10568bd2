"""Tables of the worked example of the Guidelines, computed at build time from the fictional data.

Markers (DATASET ``valorization``):

==========================  =====================================================================
view                        arguments
==========================  =====================================================================
``example-raw``             -
``example-normalised``      -
``example-dimensions``      -
``example-index``           -
``example-lq``              ``municipality=ID`` (default: the first unit)
``example-qualitative``     ``municipality=ID``
``example-matrix``          ``municipality=ID``
``example-summary``         ``municipality=ID``
==========================  =====================================================================
"""

from __future__ import annotations

from kgo.methods.valorization import lq_band
from kgo.render.markers import renderer
from kgo.render.renderers.valorization_common import (
    LQ_DECIMALS,
    NUMBER_DECIMALS,
    WEIGHT_DECIMALS,
    cell,
    dim_names,
    example,
    head,
    illustrative_note,
    model,
    num,
    quadrant_names,
    raw_decimals,
    sector_names,
    table,
    unit,
    unit_names,
)


def _unit_headers(ctx, first: str):
    return [head(first)] + [head(ctx.t(u["name"]), True) for u in model(ctx)["example"]["units"]]


@renderer("valorization", "example-raw")
def example_raw(ctx) -> str:
    data = model(ctx)
    ex = example(ctx)
    rows = []
    for ind in data["indicators"]:
        values = [ex.values[u][ind["id"]] for u in ex.units]
        typed = [u["values"][ind["id"]] for u in data["example"]["units"] if ind["id"] in u["values"]]
        derived = ind.get("derived") is not None
        decimals = raw_decimals(ind, typed)
        direction = "" if ind["direction"] == "+" else " (−)"
        sub = ctx.t(ind["unit"]) + (f"; {ctx.label('derived_note')}" if derived else "")
        rows.append([cell(ctx.t(ind["name"]) + direction, sub=sub)]
                    + [cell(num(ctx, v, decimals), num=True) for v in values])
    return table(ctx, ctx.label("caption_raw"), _unit_headers(ctx, ctx.label("indicator")), rows,
                 note=illustrative_note(ctx), wide=True)


@renderer("valorization", "example-normalised")
def example_normalised(ctx) -> str:
    data = model(ctx)
    ex = example(ctx)
    rows = []
    for ind in data["indicators"]:
        direction = "" if ind["direction"] == "+" else " (−)"
        rows.append([cell(ctx.t(ind["name"]) + direction)]
                    + [cell(num(ctx, ex.normalised[ind["id"]][u]), num=True) for u in ex.units])
    return table(ctx, ctx.label("caption_normalised"), _unit_headers(ctx, ctx.label("indicator")), rows,
                 note=illustrative_note(ctx), wide=True)


@renderer("valorization", "example-dimensions")
def example_dimensions(ctx) -> str:
    ex = example(ctx)
    rows = []
    for dim in model(ctx)["dimensions"]:
        weight = f"{ctx.label('weight')} {num(ctx, dim['weight'], WEIGHT_DECIMALS)}"
        rows.append([cell(ctx.t(dim["name"]), sub=weight)]
                    + [cell(num(ctx, ex.dimension_scores[u][dim["id"]]), num=True) for u in ex.units])
    return table(ctx, ctx.label("caption_dimension_scores"), _unit_headers(ctx, ctx.label("dimension")),
                 rows, note=illustrative_note(ctx))


def _index_band(ctx, value: float) -> str:
    bands = model(ctx)["scales"]["index_bands"]
    band = lq_band(value, bands)   # same [min, max) rule as the LQ bands
    return ctx.t(next(b["name"] for b in bands if b["id"] == band))


@renderer("valorization", "example-index")
def example_index(ctx) -> str:
    ex = example(ctx)
    names = unit_names(ctx)
    order = sorted(ex.units, key=lambda u: (ex.ranks[u], names[u]))
    rows = [[cell(names[u]), cell(ctx.num(ex.ranks[u]), num=True),
             cell(num(ctx, ex.index[u]), num=True, strong=True), cell(_index_band(ctx, ex.index[u]))]
            for u in order]
    headers = [head(ctx.label("municipality")), head(ctx.label("rank"), True),
               head(ctx.label("index"), True), head(ctx.label("band"))]
    return table(ctx, ctx.label("caption_index"), headers, rows, note=illustrative_note(ctx))


@renderer("valorization", "example-lq")
def example_lq(ctx, municipality: str | None = None) -> str:
    data = model(ctx)
    item = unit(ctx, municipality)
    ex = example(ctx)
    ref = data["example"]["reference"]["employment"]
    sectors = sector_names(ctx)
    bands = data["scales"]["lq_bands"]
    band_names = {b["id"]: ctx.t(b["name"]) for b in bands}
    e, big_e = item["employment"]["total"], ref["total"]
    rows = []
    for sector, e_i in item["employment"]["sectors"].items():
        big_e_i = ref["sectors"][sector]
        lq = ex.lq[item["id"]][sector]
        rows.append([
            cell(sectors.get(sector, sector)),
            cell(ctx.num(e_i), num=True),
            cell(ctx.num(e), num=True),
            cell(num(ctx, 100 * e_i / e, 2), num=True),
            cell(ctx.num(big_e_i), num=True),
            cell(ctx.num(big_e), num=True),
            cell(num(ctx, 100 * big_e_i / big_e, 2), num=True),
            cell(num(ctx, lq, LQ_DECIMALS), num=True, strong=True),
            cell(band_names[lq_band(lq, bands)]),
        ])
    total = sum(item["employment"]["sectors"].values())
    rows.append([cell(ctx.label("all_sectors")), cell(ctx.num(total), num=True, strong=True),
                 cell(ctx.num(e), num=True),
                 cell(num(ctx, ex.values[item["id"]].get("eco-employment", 100 * total / e), 2), num=True, strong=True),
                 cell(""), cell(""), cell(""), cell(""), cell("")])
    headers = [head(ctx.label("sector")), head(ctx.label("employment_local"), True),
               head(ctx.label("employment_local_total"), True), head(ctx.label("share_local"), True),
               head(ctx.label("employment_region"), True), head("E", True),
               head(ctx.label("share_region"), True), head(ctx.label("lq"), True),
               head(ctx.label("band"))]
    caption = f"{ctx.label('caption_lq')} – {ctx.t(item['name'])} / {ctx.t(data['example']['reference']['name'])}"
    return table(ctx, caption, headers, rows, note=f"{illustrative_note(ctx)} {ctx.label('lq_total_note')}",
                 wide=True)


@renderer("valorization", "example-qualitative")
def example_qualitative(ctx, municipality: str | None = None) -> str:
    item = unit(ctx, municipality)
    sectors = sector_names(ctx)
    criteria = model(ctx)["criteria"]
    rows = []
    for sector, levels in item.get("assessment", {}).items():
        rows.append([cell(sectors.get(sector, sector))] + [cell(ctx.num(levels[c["id"]]), num=True) for c in criteria])
    for sector, reason in item.get("not_assessed", {}).items():
        rows.append([cell(sectors.get(sector, sector), sub=ctx.t(reason))] + [cell("–", num=True) for _ in criteria])
    headers = [head(ctx.label("sector"))] + [head(ctx.t(c["name"]), True) for c in criteria]
    caption = f"{ctx.label('caption_qualitative')} – {ctx.t(item['name'])}"
    return table(ctx, caption, headers, rows, note=illustrative_note(ctx))


@renderer("valorization", "example-matrix")
def example_matrix(ctx, municipality: str | None = None) -> str:
    data = model(ctx)
    item = unit(ctx, municipality)
    ex = example(ctx)
    sectors = sector_names(ctx)
    quadrants = quadrant_names(ctx)
    matrix = ex.matrix.get(item["id"], {})
    order = sorted(matrix, key=lambda s: (-matrix[s]["potential"], sectors.get(s, s)))
    rows = []
    for sector in order:
        row = matrix[sector]
        rows.append([
            cell(sectors.get(sector, sector)),
            cell(num(ctx, row["qualitative_potential"]), num=True),
            cell(num(ctx, row["lq"], LQ_DECIMALS), num=True),
            cell(num(ctx, row["concentration"]), num=True),
            cell(num(ctx, row["potential"]), num=True, strong=True),
            cell(num(ctx, row["readiness"]), num=True, strong=True),
            cell(quadrants[row["quadrant"]]),
        ])
    headers = [head(ctx.label("sector")), head(ctx.label("qualitative_potential"), True),
               head(ctx.label("lq"), True), head(ctx.label("concentration"), True),
               head(ctx.label("potential"), True), head(ctx.label("readiness"), True),
               head(ctx.label("quadrant"))]
    caption = f"{ctx.label('caption_matrix')} – {ctx.t(item['name'])}"
    rules = data["prioritisation"]
    note = ctx.label("matrix_note", a=num(ctx, rules["qualitative_share"], 1), g=num(ctx, rules["lq_cap"], 1),
                     threshold=ctx.num(rules["threshold"]))
    out = table(ctx, caption, headers, rows, note=f"{illustrative_note(ctx)} {note}", wide=True)
    points = [{"label": sectors.get(s, s), "x": matrix[s]["readiness"], "y": matrix[s]["potential"]} for s in order]
    chart = ctx.render("valorization_matrix.html", points=points, threshold=float(rules["threshold"]),
                       quadrants=quadrants, x_label=ctx.label("readiness"), y_label=ctx.label("potential"),
                       caption=caption)
    return out + "\n" + chart


@renderer("valorization", "example-summary")
def example_summary(ctx, municipality: str | None = None) -> str:
    """Key findings for one unit, so that the prose never repeats a computed number."""
    data = model(ctx)
    item = unit(ctx, municipality)
    ex = example(ctx)
    uid = item["id"]
    dims = dim_names(ctx)
    sectors = sector_names(ctx)
    scores = ex.dimension_scores[uid]
    strongest = max(scores, key=lambda d: scores[d])
    weakest = min(scores, key=lambda d: scores[d])
    best, worst = ex.rank_range[uid]
    span = ctx.num(best) if best == worst else f"{ctx.num(best)}–{ctx.num(worst)}"

    def scored(dim: str) -> str:
        return f"{dims[dim]} ({num(ctx, scores[dim], NUMBER_DECIMALS)})"

    rows = [
        [cell(ctx.label("rank")), cell(f"{ctx.num(ex.ranks[uid])} / {ctx.num(len(ex.units))}")],
        [cell(ctx.label("index")), cell(num(ctx, ex.index[uid]))],
        [cell(ctx.label("summary_strongest")), cell(scored(strongest))],
        [cell(ctx.label("summary_weakest")), cell(scored(weakest))],
        [cell(ctx.label("rank_range")), cell(span)],
    ]
    if uid in ex.lq:
        lqs = ex.lq[uid]
        employed = item["employment"]["sectors"]
        top = max(lqs, key=lambda s: lqs[s])
        size_rank = 1 + sum(1 for v in employed.values() if v > employed[top])
        rows.append([cell(ctx.label("summary_top_lq")),
                     cell(ctx.label("summary_top_lq_text", sector=sectors.get(top, top),
                                    lq=num(ctx, lqs[top], LQ_DECIMALS),
                                    employed=ctx.num(employed[top]), place=ctx.num(size_rank),
                                    count=ctx.num(len(employed))))])
    if uid in ex.matrix:
        for qid, q in data["prioritisation"]["quadrants"].items():
            members = [sectors.get(s, s) for s, row in ex.matrix[uid].items() if row["quadrant"] == qid]
            rows.append([cell(ctx.t(q["name"])), cell(", ".join(members) or "–")])
        moving = [sectors.get(s, s) for s, values in ex.quadrants.get(uid, {}).items() if len(set(values)) > 1]
        rows.append([cell(ctx.label("summary_unstable")), cell(", ".join(moving) or "–")])
    caption = f"{ctx.label('caption_summary')} – {ctx.t(item['name'])}"
    return table(ctx, caption, [head(ctx.label("summary_item")), head(ctx.label("summary_value"))],
                 rows, note=illustrative_note(ctx))
