"""The bilingual glossary (data/glossary.yaml).

View ``<!-- data: glossary list -->``: every entry, alphabetically in the page's language (Serbian
order č ć dž đ lj nj š ž for the Serbian editions), each with the anchor ``term-ID`` that is the same
in every edition. Abbreviations are listed under the abbreviation of that language (JLS / LSG).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import sort_key, source_view


def glossary_entries(ctx) -> list[dict[str, Any]]:
    """Entries ready for the template, sorted for the edition (also used outside a marker)."""
    doc = ctx.data["glossary"]
    by_id = {term["id"]: term for term in doc["terms"]}

    def head(term: Mapping[str, Any]) -> str:
        return ctx.t(term["abbreviation"]) if term.get("abbr") else ctx.t(term["term"])

    entries = []
    for term in doc["terms"]:
        entries.append({
            "id": term["id"],
            "head": head(term),
            "abbr": bool(term.get("abbr")),
            "expansion": ctx.t(term["term"]) if term.get("abbr") else "",
            "definition": ctx.t(term["definition"]),
            "source": source_view(term["source"], ctx.lang) if term.get("source") else None,
            "see": [{"id": other, "text": head(by_id[other])} for other in term.get("see", [])
                    if other in by_id],
        })
    entries.sort(key=lambda e: sort_key(e["head"], ctx.lang))
    return entries


@renderer("glossary", "list")
def glossary_list(ctx) -> str:
    return ctx.render("glossary_list.html", entries=glossary_entries(ctx))
