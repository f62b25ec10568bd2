"""The sensitivity check of the worked example and the reference values of its base year.

Markers (DATASET ``valorization``):

==============================  =================================================================
view                            arguments
==============================  =================================================================
``example-sensitivity``         - (index and rank under every weight set, with the rank range)
``example-matrix-sensitivity``  ``municipality=ID`` (quadrant of every sector as a, g and the
                                threshold change one at a time)
``reference-values``            - (min and max of every indicator in the example's base year)
==============================  =================================================================
"""

from __future__ import annotations

from kgo.render.markers import renderer
from kgo.render.renderers.valorization_common import (
    cell,
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
    variant_name,
)


def _stability(ctx, stable: bool) -> dict:
    return cell(ctx.label("stable_yes" if stable else "stable_no"), strong=not stable)


@renderer("valorization", "example-sensitivity")
def example_sensitivity(ctx) -> str:
    data = model(ctx)
    ex = example(ctx)
    names = {"base": ctx.label("base_weights")}
    names.update({ws["id"]: ctx.t(ws["name"]) for ws in data["weight_sets"]})
    units = unit_names(ctx)
    rows = []
    for u in sorted(ex.units, key=lambda u: (ex.ranks[u], units[u])):
        cells = [cell(units[u])]
        for set_id in ex.sensitivity:
            cells.append(cell(f"{num(ctx, ex.sensitivity[set_id][u])} ({ctx.num(ex.sensitivity_ranks[set_id][u])})",
                              num=True))
        best, worst = ex.rank_range[u]
        cells.append(cell(ctx.num(best) if best == worst else f"{ctx.num(best)}–{ctx.num(worst)}", num=True))
        cells.append(_stability(ctx, best == worst))
        rows.append(cells)
    headers = ([head(ctx.label("municipality"))] + [head(names[s], True) for s in ex.sensitivity]
               + [head(ctx.label("rank_range"), True), head(ctx.label("stable"))])
    return table(ctx, ctx.label("caption_sensitivity"), headers, rows, note=illustrative_note(ctx), wide=True)


@renderer("valorization", "example-matrix-sensitivity")
def example_matrix_sensitivity(ctx, municipality: str | None = None) -> str:
    item = unit(ctx, municipality)
    ex = example(ctx)
    sectors = sector_names(ctx)
    quadrants = quadrant_names(ctx)
    by_sector = ex.quadrants.get(item["id"], {})
    matrix = ex.matrix.get(item["id"], {})
    order = sorted(by_sector, key=lambda s: (-matrix[s]["potential"], sectors.get(s, s)))
    rows = []
    for sector in order:
        values = by_sector[sector]
        row = matrix[sector]
        rows.append([cell(sectors.get(sector, sector),
                          sub=f"{ctx.label('potential')} {num(ctx, row['potential'])}; "
                              f"{ctx.label('readiness')} {num(ctx, row['readiness'])}")]
                    + [cell(quadrants[q], strong=(i > 0 and q != values[0])) for i, q in enumerate(values)]
                    + [_stability(ctx, len(set(values)) == 1)])
    headers = ([head(ctx.label("sector"))] + [head(variant_name(ctx, n, v)) for n, v in ex.variants]
               + [head(ctx.label("stable"))])
    caption = f"{ctx.label('caption_matrix_sensitivity')} – {ctx.t(item['name'])}"
    return table(ctx, caption, headers, rows, note=f"{illustrative_note(ctx)} {ctx.label('matrix_sensitivity_note')}",
                 wide=True)


@renderer("valorization", "reference-values")
def reference_values(ctx) -> str:
    data = model(ctx)
    ex = example(ctx)
    rows = []
    for ind in data["indicators"]:
        low, high = ex.bounds[ind["id"]]
        typed = [v for u in data["example"]["units"] for k, v in u["values"].items() if k == ind["id"]]
        decimals = raw_decimals(ind, typed)
        rows.append([cell(ctx.t(ind["name"]), sub=ind["id"]), cell(ctx.t(ind["unit"])),
                     cell(num(ctx, low, decimals), num=True), cell(num(ctx, high, decimals), num=True)])
    headers = [head(ctx.label("indicator")), head(ctx.label("unit")), head(ctx.label("reference_min"), True),
               head(ctx.label("reference_max"), True)]
    return table(ctx, ctx.label("caption_reference_values"), headers, rows,
                 note=f"{illustrative_note(ctx)} {ctx.label('reference_values_note')}")
