"""The sheets a user reads and fills in: instructions, parameters, indicators, sectors, and the
checks of what was typed. The inputs come filled with the worked example (fictional
municipalities), so that the workbook shows the published results until the user types over it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kgo.calculator.formulas import ref, span, text
from kgo.calculator.layout import (
    CODE_ROW,
    LABEL_ROW,
    MAX_UNITS,
    P_CHECK,
    P_CODE,
    P_DIM,
    P_DIRECTION,
    P_HIGH,
    P_IWEIGHT,
    P_LOW,
    P_NAME,
    P_REF_MAX,
    P_REF_MIN,
    P_VALUE,
    P_WEIGHT,
    SECTOR_CODES,
    TOTAL_CODE,
    UNIT_CODE,
    Layout,
)
from kgo.calculator.model import Sheet, Validation

Words = Callable[[str], str]


def info_sheet(title: str, lines: Sequence[str], words: Words) -> Sheet:
    sheet = Sheet("info", title)
    sheet.put(1, 1, words("workbook_title"), "title")
    for row, line in enumerate(lines, start=3):
        sheet.put(row, 1, line, "text")
    sheet.put(len(lines) + 4, 1, words("illustrative"), "note")
    sheet.widths[1] = 120
    return sheet


def params_sheet(title: str, params: Mapping[str, Any], layout: Layout, names: Mapping[str, str],
                 words: Words) -> Sheet:
    """Every parameter in one place: dimension and indicator weights, reference values, rules."""
    sheet = Sheet("params", title)
    sheet.put(1, 1, title, "title")
    sheet.put(2, 1, words("params_note"), "note")
    sheet.validations["weight"] = Validation("decimal", 0, 1, words("invalid_title"), words("invalid_weight"))
    sheet.validations["any"] = Validation("decimal", -1e15, None, words("invalid_title"), words("invalid_number"))
    for col, key in ((P_NAME, "dimension"), (P_CODE, "code"), (P_WEIGHT, "weight"), (P_CHECK, "check")):
        sheet.put(4, col, words(key), "label")
    for dim in params["dimensions"]:
        row = layout.dimension_param_row(dim["id"])
        sheet.put(row, P_NAME, names[dim["id"]])
        sheet.put(row, P_CODE, dim["id"], "code")
        sheet.put(row, P_WEIGHT, dim["weight"], "param", validation="weight")
        first, last = layout.indicator_param_rows.start, layout.indicator_param_rows.stop - 1
        dims, weights = span(None, first, P_DIM, last, P_DIM), span(None, first, P_IWEIGHT, last, P_IWEIGHT)
        total = f"SUMIF({dims},{ref(None, row, P_CODE)},{weights})"
        ok, not_one = text(words("sum_ok")), text(words("sum_not_one"))
        sheet.put(row, P_CHECK, formula=f"IF(ABS({total}-1)<=0.0005,{ok},{not_one})", style="check")
    sums = layout.dimension_sum_row
    weights = span(None, layout.dimension_param_rows.start, P_WEIGHT, layout.dimension_param_rows.stop - 1, P_WEIGHT)
    sheet.put(sums, P_NAME, words("weights_sum"), "label")
    sheet.put(sums, P_WEIGHT, formula=f"SUM({weights})", style="result")
    sheet.put(sums, P_CHECK, formula=f"IF(ABS(SUM({weights})-1)<=0.0005,{text(words('sum_ok'))},"
                                     f"{text(words('sum_not_one'))})", style="check")
    header = layout.indicator_header_row
    for col, key in ((P_NAME, "indicator"), (P_CODE, "code"), (P_DIM, "dimension"), (P_DIRECTION, "direction"),
                     (P_IWEIGHT, "weight_in_dimension"), (P_REF_MIN, "reference_min"),
                     (P_REF_MAX, "reference_max"), (P_LOW, "valid_min"), (P_HIGH, "valid_max")):
        sheet.put(header, col, words(key), "label")
    for ind in params["indicators"]:
        row = layout.indicator_param_row(ind["id"])
        sheet.put(row, P_NAME, names[ind["id"]])
        sheet.put(row, P_CODE, ind["id"], "code")
        sheet.put(row, P_DIM, ind["dimension"], "code")
        sheet.put(row, P_DIRECTION, ind["direction"], "code")
        sheet.put(row, P_IWEIGHT, ind["weight"], "param", validation="weight")
        sheet.put(row, P_REF_MIN, ind["ref_min"], "param", validation="any")
        sheet.put(row, P_REF_MAX, ind["ref_max"], "param", validation="any")
        sheet.put(row, P_LOW, ind["min"])
        sheet.put(row, P_HIGH, ind["max"] if ind["max"] is not None else "")
    sheet.put(layout.rule_header_row, P_NAME, words("rules"), "label")
    sheet.put(layout.rule_header_row, P_CODE, words("symbol"), "label")
    sheet.put(layout.rule_header_row, P_VALUE, words("value"), "label")
    limits = {"qualitative_share": (0, 1), "lq_cap": (0.01, None), "threshold": (0, 100), "levels": (2, 5),
              "min_weight_share": (0.01, 1)}
    for name in layout.RULES:
        row = layout.rule_row(name)
        low, high = limits[name]
        key = f"rule_{name}"
        sheet.validations[key] = Validation("whole" if name == "levels" else "decimal", low, high,
                                            words("invalid_title"), words("invalid_number"))
        sheet.put(row, P_NAME, words(f"param_{name}"))
        sheet.put(row, P_CODE, words(f"symbol_{name}"), "code")
        sheet.put(row, P_VALUE, params[name], "param", validation=key)
    sheet.put(layout.rule_row(layout.RULES[-1]) + 2, 1, words("reference_note"), "note")
    sheet.widths.update({P_NAME: 48, P_CODE: 18, P_DIM: 14, P_DIRECTION: 10, P_IWEIGHT: 12, P_REF_MIN: 14,
                         P_REF_MAX: 14, P_LOW: 12, P_HIGH: 12})
    return sheet


def input_sheet(title: str, params: Mapping[str, Any], layout: Layout, names: Mapping[str, str],
                units: Sequence[Mapping[str, Any]], words: Words) -> Sheet:
    """One row per unit: column A the name, then one column per indicator (code in row 4)."""
    sheet = Sheet("input", title)
    sheet.put(1, 1, title, "title")
    sheet.put(2, 1, words("input_note"), "note")
    sheet.put(LABEL_ROW, 1, words("unit"), "label")
    sheet.put(CODE_ROW, 1, UNIT_CODE, "code")
    sheet.widths[1] = 28
    for ind in params["indicators"]:
        col = layout.indicator_col(ind["id"])
        key = f"v-{ind['id']}"
        bound = f"{ind['min']:g}..{'' if ind['max'] is None else format(ind['max'], 'g')}"
        sheet.validations[key] = Validation("decimal", ind["min"], ind["max"], words("invalid_title"),
                                            words("invalid_value").replace("{1}", bound))
        sheet.put(LABEL_ROW, col, names[ind["id"]], "label")
        sheet.put(CODE_ROW, col, ind["id"], "code")
        sheet.widths[col] = 16
        for row in layout.unit_rows:
            sheet.put(row, col, None, "input", validation=key)
    for row in layout.unit_rows:
        sheet.put(row, 1, None, "input")
    for row, item in zip(layout.unit_rows, units, strict=False):
        sheet.put(row, 1, item["name"], "input")
        for ind in params["indicators"]:
            sheet.put(row, layout.indicator_col(ind["id"]), item["values"].get(ind["id"]), "input",
                      validation=f"v-{ind['id']}")
    return sheet


def sectors_sheet(title: str, params: Mapping[str, Any], layout: Layout, names: Mapping[str, str],
                  sectors: Mapping[str, Any], words: Words) -> Sheet:
    """One municipality: the ``total`` row (all employed), then one row per sector with its
    employment, the reference area's and the panel's level for every criterion."""
    sheet = Sheet("sectors", title)
    sheet.put(1, 1, title, "title")
    sheet.put(2, 1, words("sectors_note"), "note")
    sheet.validations["count"] = Validation("decimal", 0, None, words("invalid_title"), words("invalid_count"))
    sheet.validations["level"] = Validation("whole", 1, params["levels"], words("invalid_title"),
                                            words("invalid_level").replace("{1}", str(params["levels"])))
    for col, code in enumerate(SECTOR_CODES, start=1):
        sheet.put(LABEL_ROW, col, words(f"sector_{code}"), "label")
        sheet.put(CODE_ROW, col, code, "code")
    for crit in params["criteria"]:
        col = layout.criterion_col(crit["id"])
        sheet.put(LABEL_ROW, col, names[crit["id"]], "label")
        sheet.put(CODE_ROW, col, crit["id"], "code")
        sheet.widths[col] = 14
    sheet.widths.update({1: 40, 2: 14, 3: 14})
    sheet.put(layout.total_row, 1, TOTAL_CODE, "code")
    sheet.put(layout.total_row, 2, sectors["local_total"], "input", validation="count")
    sheet.put(layout.total_row, 3, sectors["region_total"], "input", validation="count")
    rows = list(sectors["rows"])
    for i, row in enumerate(layout.sector_rows):
        item = rows[i] if i < len(rows) else {"name": None, "local": None, "region": None, "levels": {}}
        sheet.put(row, 1, item["name"], "input")
        sheet.put(row, 2, item["local"], "input", validation="count")
        sheet.put(row, 3, item["region"], "input", validation="count")
        for crit in params["criteria"]:
            sheet.put(row, layout.criterion_col(crit["id"]), item["levels"].get(crit["id"]), "input",
                      validation="level")
    return sheet


def checks_sheet(title: str, params: Mapping[str, Any], layout: Layout, words: Words) -> Sheet:
    """The inputs as the method reads them: a name, or nothing; a number, or nothing (a missing
    value); and a message for a row with text in a number cell or values without a name."""
    sheet = Sheet("checks", title)
    sheet.put(1, 1, title, "title")
    sheet.put(2, 1, words("checks_note"), "note")
    sheet.put(CODE_ROW, 1, UNIT_CODE, "code")
    sheet.put(CODE_ROW, layout.check_message_col, words("check"), "label")
    last_col = layout.indicator_col(layout.indicators[-1])
    for ind in layout.indicators:
        sheet.put(CODE_ROW, layout.indicator_col(ind), ind, "code")
    for row in layout.unit_rows:
        name = ref("input", row, 1)
        sheet.put(row, 1, formula=f"IF(LEN(TRIM({name}&\"\"))=0,\"\",TRIM({name}&\"\"))")
        for ind in layout.indicators:
            col = layout.indicator_col(ind)
            value = ref("input", row, col)
            name = ref(None, row, 1, fixed_col=True)
            sheet.put(row, col, formula=f"IF(OR({name}=\"\",NOT(ISNUMBER({value}))),\"\",{value})", style="result")
        cells = span("input", row, 2, row, last_col, fixed=False)
        sheet.put(row, layout.check_message_col, style="check",
                  formula=f"IF(AND({ref(None, row, 1)}=\"\",COUNTA({cells})>0),{text(words('check_no_name'))},"
                          f"IF(COUNT({cells})<COUNTA({cells}),{text(words('check_text'))},\"\"))")
    sheet.widths[1] = 28
    sheet.widths[layout.check_message_col] = 50
    assert len(layout.unit_rows) == MAX_UNITS
    return sheet
