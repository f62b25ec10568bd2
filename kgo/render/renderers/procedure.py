"""The adoption procedure of a local programme (data/procedure.yaml), with its legal bases.

Views: ``table`` (every step: who acts, legal basis, deadline, where it is published, and what to
check where a rule could not be verified), ``step id=…`` (one step with its legal references
cited in full, e.g. the ex-ante analysis in the measures chapter), ``horizons`` (how long each
kind of planning document runs), ``sources`` (the numbered sources of the table's references)
and ``cite ids=a,b`` (a short list of method sources). Every legal reference names a source;
the table links each to its number in ``sources``; a step's ``model_act`` links to the model act.

The planned weeks beside a deadline come from data/timeline.yaml through
:func:`kgo.render.renderers.timeline.find_span`; the two datasets are ported together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import source_texts
from kgo.render.renderers.timeline import find_span, fmt_span
from kgo.text import fmt_date

# The page that shows the numbered sources (the table links there from every page).
SOURCES_PAGE = "prirucnik/usvajanje-i-sprovodjenje.md"


def _source_date(iso: str, lang: str) -> str:
    """'2019-02-06' -> '6. februara 2019.' / '6 February 2019'; 'YYYY-MM' and 'YYYY' too."""
    return fmt_date(iso, lang)


def _by_id(records: Sequence[Mapping[str, Any]], record_id: str, kind: str) -> Mapping[str, Any]:
    for item in records:
        if item["id"] == record_id:
            return item
    known = ", ".join(str(item["id"]) for item in records)
    raise KeyError(f"no {kind} id={record_id!r} in data/procedure.yaml; known: {known}")


def source_numbers(document: Mapping[str, Any]) -> dict[str, int]:
    """Number of every source, in order of first use: steps' references and checks, then horizons."""
    order: list[str] = []
    for step in sorted(document["steps"], key=lambda s: s["order"]):
        for ref in step["legal"]:
            if ref["source"] not in order:
                order.append(ref["source"])
        for source_id in step.get("check_sources", []):
            if source_id not in order:
                order.append(source_id)
    for horizon in document["horizons"]:
        if "source" in horizon and horizon["source"] not in order:
            order.append(horizon["source"])
    return {source_id: number for number, source_id in enumerate(order, start=1)}


def _source_view(ctx, source_id: str) -> dict[str, str]:
    source = _by_id(ctx.doc["sources"], source_id, "source")["source"]
    return {"id": source_id, **source_texts(source, ctx.lang),
            "url": source.get("url", ""), "date": _source_date(source["date"], ctx.lang)}


def _note(ctx, source_id: str, numbers: Mapping[str, int]) -> dict[str, Any]:
    return {"number": numbers[source_id], "href": ctx.link(f"{SOURCES_PAGE}#procedure-source-{source_id}")}


def _refs(ctx, step: Mapping[str, Any], numbers: Mapping[str, int] | None) -> list[dict[str, Any]]:
    acts = ctx.doc["acts"]
    refs = []
    for ref in step["legal"]:
        act = _by_id(acts, ref["act"], "act")
        refs.append({
            "act": ctx.t(act["short"]), "act_title": f"{ctx.t(act['title'])}, {act['gazette']}",
            "provision": ctx.t(ref["provision"]), "says": ctx.t(ref["says"]),
            "note": _note(ctx, ref["source"], numbers) if numbers else None,
            "source": _source_view(ctx, ref["source"]),
        })
    return refs


def _timeline_weeks(ctx, step: Mapping[str, Any]) -> str:
    if "timeline" not in step or "timeline" not in ctx.data:
        return ""
    span, _ = find_span(ctx.data["timeline"], step["timeline"])
    return ctx.label("plan_weeks", weeks=fmt_span(span, ctx.lang)) if span else ""


def _step_view(ctx, step: Mapping[str, Any], numbers: Mapping[str, int] | None) -> dict[str, Any]:
    return {
        "id": step["id"], "order": step["order"], "title": ctx.t(step["title"]),
        "actor": ctx.t(step["actor"]), "refs": _refs(ctx, step, numbers),
        "deadline": ctx.t(step["deadline"]), "weeks": _timeline_weeks(ctx, step),
        "published": ctx.t(step["published"]), "check": ctx.t(step.get("check")),
        "check_notes": [_note(ctx, s, numbers) for s in step.get("check_sources", [])] if numbers else [],
        "check_sources": [_source_view(ctx, s) for s in step.get("check_sources", [])],
    }


@renderer("procedure", "table")
def procedure_table(ctx) -> str:
    doc = ctx.doc
    numbers = source_numbers(doc)
    rows = [_step_view(ctx, s, numbers) | {"model": _model_act(ctx, s.get("model_act"))}
            for s in sorted(doc["steps"], key=lambda s: s["order"])]
    return ctx.render("procedure_table.html", rows=rows)


def _model_act(ctx, act_id: str | None) -> dict[str, str] | None:
    """The model act of a step (data/model_acts.yaml), linked to its section of the Handbook."""
    if not act_id:
        return None
    model = next(m for m in ctx.data["model_acts"]["models"] if m["id"] == act_id)
    return {"href": ctx.link(f"prirucnik/modeli-akata.md#{act_id}"), "title": ctx.t(model["title"])}


@renderer("procedure", "step")
def procedure_step(ctx, id: str) -> str:
    step = _by_id(ctx.doc["steps"], id, "step")
    return ctx.render("procedure_step.html", step=_step_view(ctx, step, None))


@renderer("procedure", "horizons")
def procedure_horizons(ctx) -> str:
    doc = ctx.doc
    numbers = source_numbers(doc)
    rows = [{
        "id": h["id"], "document": ctx.t(h["document"]), "period": ctx.t(h["period"]),
        "adopted_by": ctx.t(h["adopted_by"]), "check": ctx.t(h.get("check")),
        "note": _note(ctx, h["source"], numbers) if "source" in h else None,
        "source": _source_view(ctx, h["source"]) if "source" in h else None,
    } for h in doc["horizons"]]
    return ctx.render("procedure_horizons.html", rows=rows)


@renderer("procedure", "sources")
def procedure_sources(ctx) -> str:
    numbers = source_numbers(ctx.doc)
    ordered = sorted(numbers.items(), key=lambda item: item[1])
    items = [_source_view(ctx, source_id) | {"number": n} for source_id, n in ordered]
    return ctx.render("procedure_sources.html", items=items, heading=ctx.label("sources_heading"))


@renderer("procedure", "cite")
def procedure_cite(ctx, ids: str) -> str:
    items = [_source_view(ctx, source_id) for source_id in ids.split(",")]
    return ctx.render("procedure_cite.html", items=items, heading=ctx.label("cite_heading"))
