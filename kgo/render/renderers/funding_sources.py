"""Funding sources (data/funding_sources.yaml).

Views:
  ``<!-- data: funding_sources list -->``   one section per source (anchor ``funding-ID``): who can
                                              apply, what it funds, grant size (only if sourced),
                                              official page, what to check, sources;
  ``<!-- data: funding_sources table -->``  a comparison table with numbered source notes below.
"""

from __future__ import annotations

from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import Notes, safe_url, source_view


def _items(ctx, notes: Notes | None = None) -> list[dict[str, Any]]:
    doc = ctx.doc
    out = []
    for f in doc["funding_sources"]:
        grant = f.get("grant_size")
        out.append({
            "id": f["id"],
            "name": ctx.t(f["name"]),
            "type": ctx.label(f"type_{f['type']}"),
            "who": ctx.t(f["who"]),
            "funds": ctx.t(f["funds"]),
            "grant": ctx.t(grant["text"]) if grant else "",
            "grant_source": source_view(grant["source"], ctx.lang) if grant else None,
            "link": safe_url(f.get("link")),
            "check": ctx.t(f["check"]),
            "sources": [source_view(s, ctx.lang) for s in f["sources"]],
            "refs": [notes.add(s) for s in f["sources"]] if notes else [],
        })
    return out


@renderer("funding_sources", "list")
def funding_sources_list(ctx) -> str:
    return ctx.render("funding_sources_list.html", items=_items(ctx),
                      sources_label=ctx.ui("sources"), source_label=ctx.ui("source"))


@renderer("funding_sources", "table")
def funding_sources_table(ctx) -> str:
    notes = Notes("funding-note", ctx.lang)
    items = _items(ctx, notes)
    return ctx.render("funding_sources_table.html", items=items, notes=notes.items, source_label=ctx.ui("source"))
