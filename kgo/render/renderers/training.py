"""The training programme (data/training.yaml) and the 2016 School of Creative Economy it builds on.

The school view shows only sourced facts (dates, city, directors, audience, source); the modules
are the programme proposed by this publication and say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.render.markers import renderer
from kgo.render.renderers.project import fmt_period, person, source_view


def _modules(ctx) -> list[Mapping[str, Any]]:
    return sorted(ctx.data["training"]["modules"], key=lambda m: m["order"])


def plural_form(n: int) -> str:
    """Serbian plural class of n: 'one' (1, 21, …), 'few' (2–4, 22–24, …) or 'many'."""
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def _hours(ctx, hours: int) -> str:
    return ctx.label(f"hours_{plural_form(hours)}", n=ctx.num(hours))


@renderer("training", "school")
def training_school(ctx) -> str:
    school = ctx.data["training"]["school"]
    return ctx.render(
        "training_school.html",
        name=ctx.t(school["name"]),
        city=ctx.t(school["city"]),
        sessions=[fmt_period(s["start"], s["end"], ctx.lang) + (f" ({ctx.t(s['note'])})" if s.get("note") else "")
                  for s in school["sessions"]],
        directors=[{"name": person(d["name"], ctx.lang, d.get("name_cyr")), "affiliation": ctx.t(d["affiliation"])}
                   for d in school["directors"]],
        audience=ctx.t(school["audience"]),
        source=source_view(school["source"], ctx.lang),
    )


@renderer("training", "overview")
def training_overview(ctx) -> str:
    modules = _modules(ctx)
    rows = [{"id": m["id"], "order": m["order"], "title": ctx.t(m["title"]),
             "hours": _hours(ctx, m["hours"]), "origin": ctx.label("origin_model")}
            for m in modules]
    total = _hours(ctx, sum(m["hours"] for m in modules))
    return ctx.render("training_overview.html", rows=rows, total=total)


@renderer("training", "modules")
def training_modules(ctx) -> str:
    rows = [{
        "id": m["id"], "order": m["order"], "title": ctx.t(m["title"]),
        "objectives": [ctx.t(o) for o in m["objectives"]],
        "content": [ctx.t(c) for c in m["content"]],
        "methods": ctx.t(m["methods"]),
        "hours": _hours(ctx, m["hours"]),
        "materials": [{"href": ctx.link(x["page"]), "label": ctx.t(x["label"])} for x in m["materials"]],
    } for m in _modules(ctx)]
    return ctx.render("training_modules.html", rows=rows)
