"""What the renderers of the Guidelines' method share (no renderer lives here).

The views are split by concern: ``valorization`` (the model), ``valorization_example`` (the worked
example), ``valorization_sensitivity`` (sensitivity and reference values) and
``valorization_calculator`` (the in-page calculator and its downloads). Numbers of the method are
printed with :func:`num`, which rounds like the browser calculator (half up), so the page and the
calculator show the same digits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.editions.model import edition
from kgo.methods.valorization import compute_example, fixed

NUMBER_DECIMALS = 1   # normalised values, dimension scores, index, potential, readiness
LQ_DECIMALS = 2
WEIGHT_DECIMALS = 2
DATA_FILE = "data/valorization.yaml"


def model(ctx) -> Mapping[str, Any]:
    return ctx.data["valorization"]


def num(ctx, value: float | None, decimals: int = NUMBER_DECIMALS) -> str:
    """A number of the method in the edition's marks, rounded half up ('' when missing)."""
    if value is None:
        return ""
    text = fixed(float(value), decimals)
    whole, _, part = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    marks = edition(ctx.lang)
    return sign + marks.group.join(groups) + (marks.decimal + part if part else "")


def raw_decimals(indicator: Mapping[str, Any], typed) -> int:
    """Decimals that show an indicator's raw values as written in the data (at most 2); a derived
    indicator has the two decimals it is computed to."""
    if indicator.get("derived"):
        return 2
    best = 0
    for v in typed:
        if isinstance(v, float):
            text = repr(v)
            best = max(best, len(text.split(".")[1]) if "." in text else 0)
    return min(best, 2)


def cell(text: Any, **flags: Any) -> dict[str, Any]:
    return {"text": "" if text is None else str(text), **flags}


def head(text: str, numeric: bool = False) -> dict[str, Any]:
    return {"text": text, "num": numeric}


def table(ctx, caption: str, headers, rows, note: str | None = None, wide: bool = False) -> str:
    return ctx.render("valorization_table.html", caption=caption, headers=headers, rows=rows,
                      note=note, wide=wide)


def example(ctx):
    # The example is small; computing it per marker keeps renderers independent and pure.
    return compute_example(model(ctx))


def unit(ctx, municipality: str | None) -> Mapping[str, Any]:
    units = model(ctx)["example"]["units"]
    if municipality is None:
        return units[0]
    for item in units:
        if item["id"] == municipality:
            return item
    raise KeyError(f"no example unit id={municipality!r} in {DATA_FILE}; "
                   f"known: {', '.join(u['id'] for u in units)}")


def sector_names(ctx) -> dict[str, str]:
    sectors = ctx.data.get("sectors", {}).get("sectors", [])
    return {s["id"]: ctx.t(s["name"]) for s in sectors}


def dim_names(ctx) -> dict[str, str]:
    return {d["id"]: ctx.t(d["name"]) for d in model(ctx)["dimensions"]}


def unit_names(ctx) -> dict[str, str]:
    return {u["id"]: ctx.t(u["name"]) for u in model(ctx)["example"]["units"]}


def quadrant_names(ctx) -> dict[str, str]:
    return {k: ctx.t(v["name"]) for k, v in model(ctx)["prioritisation"]["quadrants"].items()}


def illustrative_note(ctx) -> str:
    return ctx.label("illustrative_note")


def variant_name(ctx, name: str, value: float | None) -> str:
    """'Osnovne vrednosti' or 'a = 0,5' / 'g = 3' / 'prag = 45' for a matrix sensitivity variant."""
    if value is None:
        return ctx.label("base_values")
    symbol = ctx.label(f"symbol_{name}")
    decimals = 0 if float(value).is_integer() else (1 if float(value * 10).is_integer() else 2)
    return f"{symbol} = {num(ctx, value, decimals)}"
