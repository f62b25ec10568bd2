"""The network of 15 local governments (data/municipalities.yaml, data/districts.yaml).

Views:
  ``<!-- data: municipalities table -->``            all LSGs, one table, with a District column;
  ``<!-- data: municipalities table district=pirot -->``  the LSGs of one district;
  ``<!-- data: municipalities by-district -->``      one heading and table per district;
  ``<!-- data: municipalities map -->``              an inline SVG schematic (not a map) of the
                                                      districts and their LSGs, names from data.
Every figure carries a numbered note pointing to its source; an unknown figure (a city_since of
null) reads "nepoznato" / "unknown" and its note says why. A district's table ends with the
district's own figures (data/districts.yaml), which the build checks against the sum of its LSGs'.
Every LSG's name links to its own page (:func:`lsg_page`, made by
``python -m kgo.render.municipality_pages``; the page's view is in ``municipality_page.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import Notes, records

_LINE = 24        # schematic: px per LSG line
_BOX_W = 220      # width of a district box
_GAP = 20         # gap between boxes
_HEAD = 56        # height of a box heading

PAGES_FOLDER = "mreza"  # docs/LANG/mreza/ID.md: one page per LSG


def lsg_page(lsg_id: str) -> str:
    """The docs path of an LSG's own page."""
    return f"{PAGES_FOLDER}/{lsg_id}.md"


def municipalities_doc(ctx) -> Mapping[str, Any]:
    records(ctx, "municipalities", "municipalities")  # clear error when the file is missing
    return ctx.data["municipalities"]


def ordered_districts(ctx) -> list[Mapping[str, Any]]:
    """The districts in their order."""
    return sorted(records(ctx, "districts", "districts"), key=lambda d: d.get("order", 0))


def decimals_of(value: float | int) -> int:
    """As many decimals as the data gives (596.71 km² stays 596,71; 1232 stays 1.232)."""
    if isinstance(value, int) or float(value).is_integer():
        return 0
    return len(repr(float(value)).partition(".")[2])


def figure(ctx, notes: Notes, fact: Mapping[str, Any] | None, plain: bool = False) -> dict[str, Any]:
    """A cell: the formatted value (or 'unknown') and its note reference."""
    if not fact:
        return {"text": "", "known": True, "ref": None}
    value = fact.get("value")
    if value is None:
        text, known = ctx.ui("unknown"), False
    elif plain:
        text, known = str(value), True
    else:
        text, known = ctx.num(value, decimals_of(value)), True
    ref = notes.add(fact["source"], fact.get("note"), fact.get("secondary", False))
    return {"text": text, "known": known, "ref": ref}


def _rows(ctx, notes: Notes, municipalities: Sequence[Mapping[str, Any]],
          districts: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for m in municipalities:
        district = districts.get(m["district"])
        rows.append({
            "id": m["id"],
            "name": ctx.t(m["name"]),
            "url": ctx.link(lsg_page(m["id"])),
            "kind": ctx.label(f"kind_{m['kind']}"),
            "district": ctx.t(district["name"]) if district else m["district"],
            "seat": ctx.t(m["seat"]),
            "population": figure(ctx, notes, m.get("population_2022")),
            "area": figure(ctx, notes, m.get("area_km2")),
            "city_since": figure(ctx, notes, m.get("city_since"), plain=True),
        })
    return rows


def _table(ctx, district: str | None, prefix: str) -> dict[str, Any]:
    doc = municipalities_doc(ctx)
    districts = {d["id"]: d for d in ordered_districts(ctx)}
    municipalities = doc["municipalities"]
    if district is not None:
        if district not in districts:
            raise KeyError(f"municipalities table: unknown district={district!r}; "
                           f"known: {', '.join(districts)}")
        municipalities = [m for m in municipalities if m["district"] == district]
        caption = ctx.label("caption_district", district=ctx.t(districts[district]["name"]))
    else:
        caption = ctx.label("caption_all")
    notes = Notes(prefix, ctx.lang, ctx.label("secondary"))
    rows = _rows(ctx, notes, municipalities, districts)
    total = None
    if district is not None:
        d = districts[district]
        total = {"label": ctx.label("district_total", district=ctx.t(d["name"])),
                 "population": figure(ctx, notes, d.get("population_2022")),
                 "area": figure(ctx, notes, d.get("area_km2"))}
    return {
        "caption": caption,
        "rows": rows,
        "total": total,
        "show_district": district is None,
        "show_city_since": any(m.get("city_since") for m in municipalities),
        "notes": notes.items,
        "prefix": prefix,
    }


@renderer("municipalities", "table")
def municipalities_table(ctx, district: str | None = None) -> str:
    """All LSGs, or those of one district (``district=pirot``), with sourced figures."""
    table = _table(ctx, district, f"mun-{district or 'all'}-note")
    return ctx.render("municipalities_table.html", table=table, source_label=ctx.ui("source"))


@renderer("municipalities", "by-district")
def municipalities_by_district(ctx) -> str:
    """One heading (anchor ``district-ID``) and one table per district, in district order."""
    groups = []
    for d in ordered_districts(ctx):
        groups.append({"id": d["id"], "name": ctx.t(d["name"]), "seat": ctx.t(d["seat"]),
                       "table": _table(ctx, d["id"], f"mun-{d['id']}-note")})
    return ctx.render("municipalities_by_district.html", groups=groups, source_label=ctx.ui("source"))


@renderer("municipalities", "map")
def municipalities_map(ctx) -> str:
    """A labelled schematic: one box per district listing its city and municipalities."""
    doc = municipalities_doc(ctx)
    districts = ordered_districts(ctx)
    boxes, longest = [], 0
    for i, d in enumerate(districts):
        members = [m for m in doc["municipalities"] if m["district"] == d["id"]]
        members.sort(key=lambda m: (m["kind"] != "city",))  # the city first, then data order
        longest = max(longest, len(members))
        x = _GAP + i * (_BOX_W + _GAP)
        boxes.append({
            "id": d["id"], "x": x, "cx": x + _BOX_W // 2,
            "name": ctx.t(d["name"]),
            "items": [{"name": ctx.t(m["short_name"]), "city": m["kind"] == "city",
                       "url": ctx.link(lsg_page(m["id"])),
                       "y": _HEAD + 8 + (j + 1) * _LINE} for j, m in enumerate(members)],
        })
    height = _HEAD + 8 + (longest + 1) * _LINE + _LINE
    width = _GAP + len(districts) * (_BOX_W + _GAP)
    for box in boxes:
        box["height"] = height - 2 * _GAP
    return ctx.render("municipalities_map.html", boxes=boxes, width=width, height=height,
                      box_w=_BOX_W, gap=_GAP, head=_HEAD)
