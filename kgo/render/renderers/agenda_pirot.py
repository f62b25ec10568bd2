"""The Pirot Agenda (data/agenda_pirot.yaml): sourced facts, the five fields, the model action
plan and its monitoring table.

Every field, measure and indicator shows where it comes from: "Agenda 2015" (contained in the 2015
Agenda according to a cited source) or "Model" (added by this publication). The reader must never
take the model for the 2015 text, so the origin is printed in its own column, not only coloured.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.render.markers import renderer
from kgo.render.renderers.project import fmt_date, source_view, sources_by_id

FACT_GROUPS = ("agenda", "process", "sector", "heritage", "status")


def _data(ctx) -> Mapping[str, Any]:
    return ctx.data["agenda_pirot"]


def fmt_value(ctx, value: Mapping[str, Any]) -> str:
    """A fact's value in the edition's conventions; 'approx' adds 'oko' / 'about'."""
    if "text" in value:
        return ctx.t(value["text"])
    if "date" in value:
        text = fmt_date(value["date"], ctx.lang)
    elif "year" in value:
        text = str(value["year"])
    elif "percent" in value:
        number = ctx.num(value["percent"], 0 if float(value["percent"]).is_integer() else 1)
        text = f"{number}%"
    else:
        n = value["number"]
        text = ctx.num(n, 0 if float(n).is_integer() else 1)
    if value.get("approx"):
        text = f"{ctx.label('approx')} {text}"
    return text


def fmt_years(ctx, years: list[int]) -> str:
    first, last = years
    if first == last:
        return ctx.label("years_one", a=first)
    return ctx.label("years_range", a=first, b=last)


def origin_view(ctx, origin: str) -> dict[str, str]:
    """What the origin column shows: a short tag, its explanation and a CSS class."""
    key = origin.replace("-", "_")
    return {"code": origin, "tag": ctx.label(f"origin_{key}"), "title": ctx.label(f"origin_{key}_title")}


def _source(ctx, source_id: str) -> dict[str, str]:
    known = sources_by_id(_data(ctx)["sources"])
    if source_id not in known:
        raise KeyError(f"data/agenda_pirot.yaml: unknown source id {source_id!r}")
    entry = known[source_id]
    view = source_view(entry["source"], ctx.lang)
    view["type"] = ctx.label(f"type_{entry['type']}")
    view["id"] = source_id
    return view


@renderer("agenda_pirot", "facts")
def agenda_facts(ctx, group: str) -> str:
    data = _data(ctx)
    if group not in FACT_GROUPS:
        raise KeyError(f"agenda_pirot facts: group={group!r} is unknown; use one of {', '.join(FACT_GROUPS)}")
    rows = [{
        "id": f["id"],
        "label": ctx.t(f["label"]),
        "value": fmt_value(ctx, f["value"]),
        "detail": ctx.t(f["detail"]) if "detail" in f else "",
        "source": _source(ctx, f["source"]),
    } for f in data["facts"] if f["group"] == group]
    return ctx.render("agenda_pirot_facts.html", rows=rows,
                      caption=ctx.label(f"caption_facts_{group}"),
                      col_item=ctx.label("col_item"),
                      col_value=ctx.label("col_value"),
                      col_source=ctx.ui("source"))


def _fields(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return sorted(data["fields"], key=lambda f: f["order"])


@renderer("agenda_pirot", "fields")
def agenda_fields(ctx) -> str:
    data = _data(ctx)
    rows = []
    for f in _fields(data):
        proposals = [ctx.t(m["title"]) for m in data["measures"]
                     if m["field"] == f["id"] and m["origin"] == "agenda-2015"]
        rows.append({
            "id": f["id"], "order": f["order"], "title": ctx.t(f["title"]),
            "title_origin": origin_view(ctx, f["origin"]),
            "goal": ctx.t(f["goal"]), "goal_origin": origin_view(ctx, "model"),
            "proposals": proposals,
        })
    source = _source(ctx, _fields(data)[0]["source"]) if data["fields"] else None
    return ctx.render("agenda_pirot_fields.html", rows=rows, source=source,
                      caption=ctx.label("caption_fields"),
                      col_field=ctx.label("col_field"),
                      col_goal=ctx.label("col_goal"),
                      col_proposals=ctx.label("col_proposals"),
                      no_proposals=ctx.label("no_proposals"),
                      source_label=ctx.ui("source"))


def _measure_row(ctx, m) -> dict[str, Any]:
    return {
        "id": m["id"],
        "code": m["id"].upper(),
        "title": ctx.t(m["title"]),
        "description": ctx.t(m["description"]),
        "lead": ctx.t(m["lead"]),
        "partners": ctx.t(m["partners"]) if "partners" in m else "",
        "years": fmt_years(ctx, m["years"]),
        "output": ctx.t(m["output"]),
        "origin": origin_view(ctx, m["origin"]),
        "source": _source(ctx, m["source"]) if "source" in m else None,
    }


@renderer("agenda_pirot", "action-plan")
def agenda_action_plan(ctx, field: str | None = None) -> str:
    data = _data(ctx)
    fields = _fields(data)
    if field is not None:
        fields = [f for f in fields if f["id"] == field]
        if not fields:
            known = ", ".join(f["id"] for f in _fields(data))
            raise KeyError(f"agenda_pirot action-plan: field={field!r} is unknown; use one of {known}")
    tables = [{
        "id": f["id"],
        "caption": ctx.label("caption_action_plan", field=ctx.t(f["title"])),
        "rows": [_measure_row(ctx, m) for m in data["measures"] if m["field"] == f["id"]],
    } for f in fields]
    return ctx.render("agenda_pirot_action_plan.html", tables=tables,
                      cols={k: ctx.label(f"col_{k}")
                            for k in ("measure", "lead", "years", "output", "origin")},
                      partners_label=ctx.label("partners"),
                      source_label=ctx.ui("source"))


@renderer("agenda_pirot", "monitoring")
def agenda_monitoring(ctx) -> str:
    data = _data(ctx)
    measures = {m["id"]: m for m in data["measures"]}
    order = {f["id"]: f["order"] for f in data["fields"]}
    indicators = sorted(data["indicators"],
                        key=lambda i: (order[measures[i["measure"]]["field"]],
                                       data["measures"].index(measures[i["measure"]])))
    rows = [{
        "id": i["id"],
        "measure_code": i["measure"].upper(),
        "measure": ctx.t(measures[i["measure"]]["title"]),
        "indicator": ctx.t(i["indicator"]),
        "baseline": ctx.t(i["baseline"]),
        "target": ctx.t(i["target"]),
        "means": ctx.t(i["means"]),
        "frequency": ctx.t(i["frequency"]),
        "origin": origin_view(ctx, i["origin"]),
    } for i in indicators]
    return ctx.render("agenda_pirot_monitoring.html", rows=rows,
                      caption=ctx.label("caption_monitoring"),
                      cols={k: ctx.label(f"col_{k}")
                            for k in ("measure", "indicator", "baseline", "target", "means",
                                      "frequency", "origin")})


@renderer("agenda_pirot", "sources")
def agenda_sources(ctx) -> str:
    data = _data(ctx)
    items = [_source(ctx, s["id"]) for s in data["sources"]]
    return ctx.render("agenda_pirot_sources.html", items=items, heading=ctx.ui("sources"))
