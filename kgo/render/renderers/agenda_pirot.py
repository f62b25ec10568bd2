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
from kgo.render.renderers.project import fmt_date, label, source_view, sources_by_id
from kgo.text import fmt_number, t

FACT_GROUPS = ("agenda", "process", "sector", "heritage", "status")


def _data(ctx) -> Mapping[str, Any]:
    return ctx.data["agenda_pirot"]


def fmt_value(value: Mapping[str, Any], data: Mapping[str, Any], lang: str) -> str:
    """A fact's value in the edition's conventions; 'approx' adds 'oko' / 'about'."""
    if "text" in value:
        return t(value["text"], lang)
    if "date" in value:
        text = fmt_date(value["date"], lang)
    elif "year" in value:
        text = str(value["year"])
    elif "percent" in value:
        number = fmt_number(value["percent"], lang, 0 if float(value["percent"]).is_integer() else 1)
        text = f"{number}%"
    else:
        n = value["number"]
        text = fmt_number(n, lang, 0 if float(n).is_integer() else 1)
    if value.get("approx"):
        text = f"{label(data, 'approx', lang)} {text}"
    return text


def fmt_years(years: list[int], data: Mapping[str, Any], lang: str) -> str:
    first, last = years
    if first == last:
        return label(data, "years_one", lang, a=first)
    return label(data, "years_range", lang, a=first, b=last)


def origin_view(origin: str, data: Mapping[str, Any], lang: str) -> dict[str, str]:
    """What the origin column shows: a short tag, its explanation and a CSS class."""
    key = origin.replace("-", "_")
    return {"code": origin, "tag": label(data, f"origin_{key}", lang),
            "title": label(data, f"origin_{key}_title", lang)}


def _source(data: Mapping[str, Any], source_id: str, lang: str) -> dict[str, str]:
    known = sources_by_id(data["sources"])
    if source_id not in known:
        raise KeyError(f"data/agenda_pirot.yaml: unknown source id {source_id!r}")
    entry = known[source_id]
    view = source_view(entry["source"], lang)
    view["type"] = label(data, f"type_{entry['type']}", lang)
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
        "value": fmt_value(f["value"], data, ctx.lang),
        "detail": ctx.t(f["detail"]) if "detail" in f else "",
        "source": _source(data, f["source"], ctx.lang),
    } for f in data["facts"] if f["group"] == group]
    return ctx.render("agenda_pirot_facts.html", rows=rows,
                      caption=label(data, f"caption_facts_{group}", ctx.lang),
                      col_item=label(data, "col_item", ctx.lang),
                      col_value=label(data, "col_value", ctx.lang),
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
            "title_origin": origin_view(f["origin"], data, ctx.lang),
            "goal": ctx.t(f["goal"]), "goal_origin": origin_view("model", data, ctx.lang),
            "proposals": proposals,
        })
    source = _source(data, _fields(data)[0]["source"], ctx.lang) if data["fields"] else None
    return ctx.render("agenda_pirot_fields.html", rows=rows, source=source,
                      caption=label(data, "caption_fields", ctx.lang),
                      col_field=label(data, "col_field", ctx.lang),
                      col_goal=label(data, "col_goal", ctx.lang),
                      col_proposals=label(data, "col_proposals", ctx.lang),
                      no_proposals=label(data, "no_proposals", ctx.lang),
                      source_label=ctx.ui("source"))


def _measure_row(ctx, data, m) -> dict[str, Any]:
    return {
        "id": m["id"],
        "code": m["id"].upper(),
        "title": ctx.t(m["title"]),
        "description": ctx.t(m["description"]),
        "lead": ctx.t(m["lead"]),
        "partners": ctx.t(m["partners"]) if "partners" in m else "",
        "years": fmt_years(m["years"], data, ctx.lang),
        "output": ctx.t(m["output"]),
        "origin": origin_view(m["origin"], data, ctx.lang),
        "source": _source(data, m["source"], ctx.lang) if "source" in m else None,
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
        "caption": label(data, "caption_action_plan", ctx.lang, field=ctx.t(f["title"])),
        "rows": [_measure_row(ctx, data, m) for m in data["measures"] if m["field"] == f["id"]],
    } for f in fields]
    return ctx.render("agenda_pirot_action_plan.html", tables=tables,
                      cols={k: label(data, f"col_{k}", ctx.lang)
                            for k in ("measure", "lead", "years", "output", "origin")},
                      partners_label=label(data, "partners", ctx.lang),
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
        "origin": origin_view(i["origin"], data, ctx.lang),
    } for i in indicators]
    return ctx.render("agenda_pirot_monitoring.html", rows=rows,
                      caption=label(data, "caption_monitoring", ctx.lang),
                      cols={k: label(data, f"col_{k}", ctx.lang)
                            for k in ("measure", "indicator", "baseline", "target", "means",
                                      "frequency", "origin")})


@renderer("agenda_pirot", "sources")
def agenda_sources(ctx) -> str:
    data = _data(ctx)
    items = [_source(data, s["id"], ctx.lang) for s in data["sources"]]
    return ctx.render("agenda_pirot_sources.html", items=items, heading=ctx.ui("sources"))
