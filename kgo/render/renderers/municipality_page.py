"""The page of one local government of the network (data/municipalities.yaml).

View:
  ``<!-- data: municipalities page id=ID -->``  on ``docs/LANG/mreza/ID.md`` (the pages are written by
  ``python -m kgo.render.municipality_pages``): status, district, seat, population and area, since
  when a city, official website, strategic documents, BFC SEE certificate, eligible funding
  programmes — each with a numbered note citing its source — and links to where to start in the
  Handbook, the Guidelines and the Standards.

Only what the data holds is shown: an optional item the data lacks leaves out its row or section.
The words come from the ``labels`` of data/municipalities.yaml, the publication names from
data/publications.yaml and the programme names from data/funding_sources.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import Notes, safe_url
from kgo.render.renderers.municipalities import figure, municipalities_doc, ordered_districts

NETWORK_PAGE = "mreza.md"
FUNDING_PAGE = "finansiranje.md"

# "Where to start": (page, link text, label of what the reader finds there). A link text is either a
# publication id of data/publications.yaml (its short title) or a label of data/municipalities.yaml.
START = (
    ("prirucnik/index.md", ("publication", "prirucnik"), "start_handbook"),
    ("smernice/index.md", ("publication", "smernice"), "start_guidelines"),
    ("smernice/izvori-podataka.md", ("label", "start_data_sources_link"), "start_data_sources"),
    ("standardi/samoprocena.md", ("label", "start_self_assessment_link"), "start_self_assessment"),
)

def _display_url(url: str) -> str:
    """'https://www.ni.rs/' -> 'www.ni.rs' (the link keeps the full address)."""
    return url.split("://", 1)[-1].rstrip("/")


def _publication_title(ctx, publication_id: str) -> str:
    for publication in ctx.data.get("publications", {}).get("publications", []):
        if publication["id"] == publication_id:
            return ctx.t(publication["short_title"])
    raise KeyError(f"municipalities page: no publication id={publication_id!r} in data/publications.yaml")


def _funding_name(ctx, funding_id: str) -> str:
    for item in ctx.data.get("funding_sources", {}).get("funding_sources", []):
        if item["id"] == funding_id:
            return ctx.t(item["name"])
    raise KeyError(f"municipalities page: no funding source id={funding_id!r} in data/funding_sources.yaml")


def _row(label: str, text: str, url: str = "", ref: Mapping[str, str] | None = None,
         unknown: bool = False) -> dict[str, Any]:
    return {"label": label, "text": text, "url": url, "ref": ref, "unknown": unknown}


def _facts(ctx, m: Mapping[str, Any], notes: Notes) -> list[dict[str, Any]]:
    """Rows of the basic facts table: label, text, optional link, note reference."""
    district = {d["id"]: d for d in ordered_districts(ctx)}.get(m["district"])
    rows = [
        _row(ctx.label("kind"), ctx.label(f"kind_{m['kind']}")),
        _row(ctx.label("district"), ctx.t(district["name"]) if district else m["district"],
             ctx.link(f"{NETWORK_PAGE}#district-{m['district']}") if district else ""),
        _row(ctx.label("seat"), ctx.t(m["seat"])),
    ]
    for key, field in (("population", "population_2022"), ("area", "area_km2"), ("city_since", "city_since")):
        if m.get(field):
            cell = figure(ctx, notes, m[field], plain=field == "city_since")
            rows.append(_row(ctx.label(key), cell["text"], ref=cell["ref"], unknown=not cell["known"]))
    website = m.get("website")
    if website and safe_url(website["url"]):
        rows.append(_row(ctx.label("website"), _display_url(website["url"]), safe_url(website["url"]),
                         notes.add(website["source"])))
    return rows


def _documents(ctx, m: Mapping[str, Any], notes: Notes) -> list[dict[str, Any]]:
    out = []
    for doc in m.get("strategic_documents", []):
        details = [ctx.label("period", period=doc["period"])]
        if doc.get("adopted"):
            details.append(ctx.label("adopted", year=doc["adopted"]))
        out.append({"title": ctx.t(doc["title"]), "details": ", ".join(details),
                    "url": safe_url(doc.get("url")), "ref": notes.add(doc["source"])})
    return out


def _bfc(ctx, m: Mapping[str, Any], notes: Notes) -> dict[str, Any] | None:
    bfc = m.get("bfc_see")
    if not bfc:
        return None
    status = ctx.t(bfc["status"])
    return {"status": status[:1].upper() + status[1:], "ref": notes.add(bfc["source"]),
            "year": ctx.label("bfc_year", year=bfc["year"]) if bfc.get("year") else ""}


def _funding(ctx, m: Mapping[str, Any], notes: Notes) -> list[dict[str, Any]]:
    return [{"name": _funding_name(ctx, e["funding"]), "url": ctx.link(f"{FUNDING_PAGE}#funding-{e['funding']}"),
             "basis": ctx.t(e["basis"]), "ref": notes.add(e["source"])}
            for e in m.get("funding_eligibility", [])]


def _start(ctx) -> list[dict[str, str]]:
    out = []
    for page, (kind, key), what in START:
        text = _publication_title(ctx, key) if kind == "publication" else ctx.label(key)
        out.append({"text": text, "url": ctx.link(page), "what": ctx.label(what)})
    return out


@renderer("municipalities", "page")
def municipality_page(ctx, id: str) -> str:
    """Everything the data holds about one LSG, each fact with its numbered source note."""
    municipalities_doc(ctx)  # clear error when the file is missing
    m = ctx.record("municipalities", id, "local government")
    notes = Notes(f"lsg-{id}-note", ctx.lang, ctx.label("secondary"))
    facts = _facts(ctx, m, notes)
    documents = _documents(ctx, m, notes)
    bfc = _bfc(ctx, m, notes)
    funding = _funding(ctx, m, notes)
    return ctx.render("municipalities_page.html", lsg_id=id, facts=facts, documents=documents, bfc=bfc,
                      funding=funding, start=_start(ctx), notes=notes.items,
                      network_url=ctx.link(f"{NETWORK_PAGE}#all-lsgs"),
                      source_label=ctx.ui("source"))
