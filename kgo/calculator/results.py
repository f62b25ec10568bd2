"""The result sheets: every cell a live formula over the input and parameter sheets, the same
steps as kgo/methods/valorization/calculator.py (sums left to right in data order)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kgo.calculator.formulas import ref, span, text
from kgo.calculator.layout import (
    CODE_ROW,
    INDEX_CODES,
    LABEL_ROW,
    LQ_CODES,
    MATRIX_CODES,
    P_DIRECTION,
    P_IWEIGHT,
    P_REF_MAX,
    P_REF_MIN,
    P_VALUE,
    P_WEIGHT,
    UNIT_CODE,
    Layout,
)
from kgo.calculator.model import Sheet

Words = Callable[[str], str]
EPS = "0.000000001"   # the method's tolerance (kgo.methods.valorization.params), written out


def _param(layout: Layout, name: str) -> str:
    return ref("params", layout.rule_row(name), P_VALUE, fixed_row=True, fixed_col=True)


def _head(sheet: Sheet, codes, labels) -> None:
    for col, (code, label) in enumerate(zip(codes, labels, strict=True), start=1):
        sheet.put(LABEL_ROW, col, label, "label")
        sheet.put(CODE_ROW, col, code, "code")
        sheet.widths[col] = 16
    sheet.widths[1] = 28


def normalised_sheet(title: str, params: Mapping[str, Any], layout: Layout, words: Words) -> Sheet:
    sheet = Sheet("normalised", title)
    sheet.put(1, 1, title, "title")
    sheet.put(2, 1, words("bounds_min"), "label")
    sheet.put(3, 1, words("bounds_max"), "label")
    sheet.put(CODE_ROW, 1, UNIT_CODE, "code")
    sheet.widths[1] = 28
    scale = f"{float(params['scale']):g}"
    first, last = layout.unit_rows.start, layout.unit_rows.stop - 1
    for ind in layout.indicators:
        col = layout.indicator_col(ind)
        prow = layout.indicator_param_row(ind)
        rmin = ref("params", prow, P_REF_MIN, True, True)
        rmax = ref("params", prow, P_REF_MAX, True, True)
        values = span("checks", first, col, last, col)
        has_ref = f"AND(ISNUMBER({rmin}),ISNUMBER({rmax}))"
        sheet.put(2, col, style="result",
                  formula=f"IF({has_ref},{rmin},IF(COUNT({values})=0,\"\",MIN({values})))")
        sheet.put(3, col, style="result",
                  formula=f"IF({has_ref},{rmax},IF(COUNT({values})=0,\"\",MAX({values})))")
        sheet.put(CODE_ROW, col, ind, "code")
        sheet.widths[col] = 14
        low, high = ref(None, 2, col, fixed_row=True), ref(None, 3, col, fixed_row=True)
        direction = ref("params", prow, P_DIRECTION, True, True)
        for row in layout.unit_rows:
            x = ref("checks", row, col)
            up = f"{scale}*({x}-{low})/({high}-{low})"
            down = f"{scale}*({high}-{x})/({high}-{low})"
            sheet.put(row, col, style="result", formula=(
                f"IF(OR({ref(None, row, 1, fixed_col=True)}=\"\",NOT(ISNUMBER({x})),NOT(ISNUMBER({low}))),\"\","
                f"IF(ABS({high}-{low})<={EPS}*MAX(ABS({high}),ABS({low})),{scale}/2,"
                f"MAX(0,MIN({scale},IF({direction}=\"-\",{down},{up})))))"))
    for row in layout.unit_rows:
        sheet.put(row, 1, formula=ref("checks", row, 1))
    return sheet


def dimensions_sheet(title: str, params: Mapping[str, Any], layout: Layout, names: Mapping[str, str]) -> Sheet:
    sheet = Sheet("dimensions", title)
    sheet.put(1, 1, title, "title")
    _head(sheet, [UNIT_CODE, *layout.dimensions], ["", *(names[d] for d in layout.dimensions)])
    share = _param(layout, "min_weight_share")
    for row in layout.unit_rows:
        sheet.put(row, 1, formula=ref("normalised", row, 1))
        for dim in params["dimensions"]:
            members = [i["id"] for i in params["indicators"] if i["dimension"] == dim["id"]]
            weights = {i: ref("params", layout.indicator_param_row(i), P_IWEIGHT, True, True) for i in members}
            cells = {i: ref("normalised", row, layout.indicator_col(i)) for i in members}
            total = "+".join(weights[i] for i in members)
            available = "+".join(f"IF(ISNUMBER({cells[i]}),{weights[i]},0)" for i in members)
            weighted = "+".join(f"IF(ISNUMBER({cells[i]}),{weights[i]}*{cells[i]},0)" for i in members)
            name = ref(None, row, 1, fixed_col=True)
            sheet.put(row, layout.dimension_col(dim["id"]), style="result", formula=(
                f"IF({name}=\"\",\"\",IF(OR(({available})<=0,({available})<{share}*({total})-{EPS}),"
                f"\"\",({weighted})/({available})))"))
    return sheet


def index_sheet(title: str, params: Mapping[str, Any], layout: Layout, names: Mapping[str, str], words: Words) -> Sheet:
    """Columns: unit, index, rank, one per dimension — the columns of the exported CSV."""
    sheet = Sheet("index", title)
    sheet.put(1, 1, title, "title")
    _head(sheet, [UNIT_CODE, *INDEX_CODES, *layout.dimensions],
          ["", words("index"), words("rank"), *(names[d] for d in layout.dimensions)])
    helper = layout.index_helper_col
    sheet.put(CODE_ROW, helper, "index9", "code")
    sheet.hidden_columns.add(helper)
    first, last = layout.unit_rows.start, layout.unit_rows.stop - 1
    for row in layout.unit_rows:
        sheet.put(row, 1, formula=ref("dimensions", row, 1))
        for dim in layout.dimensions:
            source = ref("dimensions", row, layout.dimension_col(dim))
            sheet.put(row, layout.index_dimension_col(dim), formula=source, style="result")
        scores = [ref(None, row, layout.index_dimension_col(d)) for d in layout.dimensions]
        weights = [ref("params", layout.dimension_param_row(d), P_WEIGHT, True, True) for d in layout.dimensions]
        complete = ",".join(f"ISNUMBER({s})" for s in scores)
        total = "+".join(f"{w}*{s}" for w, s in zip(weights, scores, strict=True))
        index = ref(None, row, 2)
        sheet.put(row, 2, style="result",
                  formula=f"IF(OR({ref(None, row, 1, fixed_col=True)}=\"\",NOT(AND({complete}))),\"\",{total})")
        sheet.put(row, helper, style="result", formula=f"IF(ISNUMBER({index}),ROUND({index},9),\"\")")
        sheet.put(row, 3, style="rank", formula=(
            f"IF(ISNUMBER({index}),RANK({ref(None, row, helper)},{span(None, first, helper, last, helper)},0),\"\")"))
    return sheet


def lq_sheet(title: str, params: Mapping[str, Any], layout: Layout, words: Words) -> Sheet:
    sheet = Sheet("lq", title)
    sheet.put(1, 1, title, "title")
    _head(sheet, LQ_CODES, [words(f"lq_{c}") for c in LQ_CODES])
    scale = f"{float(params['scale']):g}"
    e, big_e = ref("sectors", layout.total_row, 2, True, True), ref("sectors", layout.total_row, 3, True, True)
    cap = _param(layout, "lq_cap")
    for out_row, in_row in zip(layout.result_sector_rows, layout.sector_rows, strict=True):
        name = ref("sectors", in_row, 1)
        e_i, big_e_i = ref("sectors", in_row, 2), ref("sectors", in_row, 3)
        blank = ref(None, out_row, 1, fixed_col=True) + "=\"\""
        sheet.put(out_row, 1, formula=f"IF(LEN(TRIM({name}&\"\"))=0,\"\",TRIM({name}&\"\"))")
        sheet.put(out_row, 2, style="result", formula=(
            f"IF(OR({blank},NOT(ISNUMBER({e_i})),NOT(ISNUMBER({e}))),\"\",IF({e}<=0,\"\",{scale}*{e_i}/{e}))"))
        sheet.put(out_row, 3, style="result", formula=(
            f"IF(OR({blank},NOT(ISNUMBER({big_e_i})),NOT(ISNUMBER({big_e}))),\"\",IF({big_e}<=0,\"\",{scale}*{big_e_i}/{big_e}))"))
        numbers = ",".join(f"NOT(ISNUMBER({x}))" for x in (e_i, e, big_e_i, big_e))
        sheet.put(out_row, 4, style="result", formula=(
            f"IF(OR({blank},{numbers}),\"\",IF(OR({e}<=0,{big_e}<=0,{big_e_i}<=0),\"\",({e_i}/{e})/({big_e_i}/{big_e})))"))
        lq = ref(None, out_row, 4)
        sheet.put(out_row, 5, style="result", formula=f"IF(ISNUMBER({lq}),{scale}*MIN({lq},{cap})/{cap},\"\")")
    return sheet


def matrix_sheet(title: str, params: Mapping[str, Any], layout: Layout, quadrants: Mapping[str, str],
                 words: Words) -> Sheet:
    sheet = Sheet("matrix", title)
    sheet.put(1, 1, title, "title")
    sheet.put(2, 1, words("matrix_note"), "note")
    _head(sheet, MATRIX_CODES, [words(f"matrix_{c}") for c in MATRIX_CODES])
    scale = f"{float(params['scale']):g}"
    levels, threshold = _param(layout, "levels"), _param(layout, "threshold")
    share = _param(layout, "qualitative_share")
    for out_row, in_row in zip(layout.result_sector_rows, layout.sector_rows, strict=True):
        lq_c = ref("lq", out_row, 5)
        sheet.put(out_row, 1, formula=ref("lq", out_row, 1))
        level = {c["id"]: ref("sectors", in_row, layout.criterion_col(c["id"])) for c in params["criteria"]}
        ok = ",".join(f"IF(ISNUMBER({x}),AND({x}=INT({x}),{x}>=1,{x}<={levels}),FALSE())" for x in level.values())

        def mean(group: str, level=level) -> str:
            items = [level[c["id"]] for c in params["criteria"] if c["group"] == group]
            return "(" + "+".join(f"{scale}*({x}-1)/({levels}-1)" for x in items) + f")/{len(items)}"

        k = ref(None, out_row, 2)
        name = ref(None, out_row, 1, fixed_col=True)
        sheet.put(out_row, 2, style="result", formula=(
            f"IF(OR({name}=\"\",NOT(ISNUMBER({lq_c})),NOT(AND({ok}))),\"\",{mean('potential')})"))
        sheet.put(out_row, 3, style="result", formula=f"IF(ISNUMBER({k}),{lq_c},\"\")")
        conc = ref(None, out_row, 3)
        sheet.put(out_row, 4, style="result", formula=f"IF(ISNUMBER({k}),{share}*{k}+(1-{share})*{conc},\"\")")
        sheet.put(out_row, 5, style="result", formula=f"IF(ISNUMBER({k}),{mean('readiness')},\"\")")
        p, r = ref(None, out_row, 4), ref(None, out_row, 5)
        high_p, high_r = f"{p}>={threshold}-{EPS}", f"{r}>={threshold}-{EPS}"
        sheet.put(out_row, 6, style="check", formula=(
            f"IF(ISNUMBER({p}),IF(AND({high_p},{high_r}),\"develop\",IF({high_p},\"build-capacity\","
            f"IF({high_r},\"maintain\",\"monitor\"))),\"\")"))
        q = ref(None, out_row, 6)
        names = "".join(f"IF({q}={text(qid)},{text(name)}," for qid, name in quadrants.items())
        sheet.put(out_row, 7, style="check", formula=(
            f"IF({ref(None, out_row, 1, fixed_col=True)}=\"\",\"\",IF({q}=\"\",{text(words('not_in_matrix'))},"
            f"{names}\"\"{')' * len(quadrants)}))"))
    sheet.widths[7] = 26
    return sheet
