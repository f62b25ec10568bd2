"""Tables of the sectors and their KD 2010 (= NACE Rev. 2) codes (data/sectors.yaml).

Markers (DATASET ``sectors``): ``overview`` (one row per sector), ``table`` (one row per code;
optional ``sector=ID``), ``frameworks`` (the classifications the codes are checked against).
"""

from __future__ import annotations

from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import source_texts


def _cell(text: Any, **flags: Any) -> dict[str, Any]:
    return {"text": str(text), **flags}


def _head(text: str, num: bool = False) -> dict[str, Any]:
    return {"text": text, "num": num}


def _framework_names(ctx) -> dict[str, str]:
    return {f["id"]: ctx.t(f["name"]) for f in ctx.data["sectors"]["frameworks"]}


def _sorted_codes(codes):
    return sorted(codes, key=lambda c: tuple(int(p) for p in c["code"].split(".")))


@renderer("sectors", "overview")
def sectors_overview(ctx) -> str:
    rows = []
    for sector in ctx.data["sectors"]["sectors"]:
        codes = ", ".join(c["code"] for c in _sorted_codes(sector["codes"]))
        rows.append([_cell(ctx.t(sector["name"])), _cell(ctx.t(sector["description"])), _cell(codes)])
    headers = [_head(ctx.label("sector")), _head(ctx.label("description")), _head(ctx.label("codes"))]
    return ctx.render("sectors_table.html", caption=ctx.label("caption_overview"), headers=headers,
                      rows=rows, note=None, wide=False)


@renderer("sectors", "table")
def sectors_table(ctx, sector: str | None = None) -> str:
    data = ctx.data["sectors"]
    known = {s["id"]: s for s in data["sectors"]}
    if sector is not None and sector not in known:
        raise KeyError(f"no sector id={sector!r} in data/sectors.yaml; known: {', '.join(known)}")
    frameworks = _framework_names(ctx)
    rows = []
    for s in data["sectors"]:
        if sector is not None and s["id"] != sector:
            continue
        for entry in _sorted_codes(s["codes"]):
            rows.append([
                _cell(entry["code"], code=True),
                _cell(ctx.t(entry["title"])),
                _cell(ctx.t(s["name"])),
                _cell(", ".join(frameworks[f] for f in entry["frameworks"])),
            ])
    headers = [_head(ctx.label("code")), _head(ctx.label("activity")), _head(ctx.label("sector")),
               _head(ctx.label("frameworks"))]
    caption = ctx.label("caption_codes")
    if sector is not None:
        caption = f"{caption}: {ctx.t(known[sector]['name'])}"
    return ctx.render("sectors_table.html", caption=caption, headers=headers, rows=rows,
                      note=ctx.label("note_frameworks"), wide=True)


@renderer("sectors", "frameworks")
def sectors_frameworks(ctx) -> str:
    data = ctx.data["sectors"]
    rows = []
    entries = [(ctx.t(data["classification"]["name"]), data["classification"]["source"]),
               ("NACE Rev. 2", data["classification"]["nace_source"])]
    entries += [(ctx.t(f["name"]), f["source"]) for f in data["frameworks"]]
    for name, source in entries:
        texts = source_texts(source, ctx.lang)  # markup: a foreign title keeps its lang
        rows.append([_cell(name), {"text": texts["title"], "href": source.get("url")},
                     {"text": texts["publisher"]}, _cell(str(source["date"])[:4])])
    headers = [_head(ctx.label("framework")), _head(ctx.label("document")), _head(ctx.label("publisher")),
               _head(ctx.label("date"))]
    return ctx.render("sectors_table.html", caption=ctx.label("caption_frameworks"), headers=headers,
                      rows=rows, note=None, wide=False)
