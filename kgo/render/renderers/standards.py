"""Renderers of the Standards publication (data/standards.yaml): the catalogue (this module), the
scheme (standards_scheme.py) and the self-assessment (standards_assessment.py).

Markers (every view reads only data/standards.yaml and, for ``sdg``, data/sdg_targets.yaml):

* ``<!-- data: standards areas -->``              the areas with their summary and page
* ``<!-- data: standards area id=AREA -->``       the full text of one area's standards
* ``<!-- data: standards summary -->``            standards per area: counts and points
* ``<!-- data: standards list -->``               every standard in one table
* ``<!-- data: standards sdg -->``                SDG targets and the standards that serve them
* ``<!-- data: standards rules -->``              scoring, answers, levels and validity
* ``<!-- data: standards checklist area=AREA -->`` a printable checklist of one area (all if omitted)
* ``<!-- data: standards example id=EXAMPLE -->`` an illustrative self-assessment, scored at build time
* ``<!-- data: standards form -->``               the interactive self-assessment form
* ``<!-- data: standards bfc -->``                verified facts about BFC SEE, with sources
* ``<!-- data: standards crosswalk -->``          every standard's BFC SEE, Culture 21 and SDG indicator links
* ``<!-- data: standards frameworks -->``         the frameworks of the crosswalk, with their sources
* ``<!-- data: standards scheme -->``             the scheme's version, date and status
* ``<!-- data: standards changelog -->``          the change log, newest version first
* ``<!-- data: standards scenarios -->``          reference cases of the scoring rule, computed from the data
"""

from __future__ import annotations

from kgo.render.markers import renderer
from kgo.render.standards_views import (
    _area,
    _area_title,
    _data,
    _standards,
)


@renderer("standards", "areas")
def standards_areas(ctx) -> str:
    rows = []
    for area in _data(ctx)["areas"]:
        items = [s for s in _data(ctx)["standards"] if s["area"] == area["id"]]
        rows.append({
            "number": area["number"], "title": ctx.t(area["title"]), "summary": ctx.t(area["summary"]),
            "url": ctx.link(f"{area['page']}#{area['id']}"), "count": len(items),
            "mandatory": sum(1 for s in items if s["level"] == "mandatory"),
        })
    return ctx.render("standards_areas.html", rows=rows)


@renderer("standards", "area")
def standards_area(ctx, id: str) -> str:
    area = _area(ctx, id)
    return ctx.render("standards_area.html", area=area, standards=_standards(ctx, id),
                      source_label=ctx.ui("source"))


@renderer("standards", "summary")
def standards_summary(ctx) -> str:
    rows = []
    for area in _data(ctx)["areas"]:
        items = [s for s in _data(ctx)["standards"] if s["area"] == area["id"]]
        rows.append({
            "title": _area_title(ctx, area), "url": ctx.link(f"{area['page']}#{area['id']}"),
            "count": len(items),
            "mandatory": sum(1 for s in items if s["level"] == "mandatory"),
            "recommended": sum(1 for s in items if s["level"] == "recommended"),
            "points": sum(s["points"] for s in items),
        })
    total = {key: sum(r[key] for r in rows) for key in ("count", "mandatory", "recommended", "points")}
    return ctx.render("standards_summary.html", rows=rows, total=total)


@renderer("standards", "list")
def standards_list(ctx) -> str:
    return ctx.render("standards_list.html", standards=_standards(ctx))


@renderer("standards", "sdg")
def standards_sdg(ctx) -> str:
    targets = ctx.data["sdg_targets"]["targets"]
    rows = []
    for target in targets:
        serving = [v for v in _standards(ctx) if target["id"] in v["sdg"]]
        rows.append({"id": target["id"], "text": ctx.t(target["text"]), "standards": serving,
                     "count": len(serving)})
    return ctx.render("standards_sdg.html", rows=rows,
                      wording=ctx.label_of("sdg_targets", "wording"))


@renderer("standards", "checklist")
def standards_checklist(ctx, area: str | None = None) -> str:
    areas = [_area(ctx, area)] if area else list(_data(ctx)["areas"])
    answers = [ctx.t(a["label"]) for a in _data(ctx)["scoring"]["answers"]]
    blocks = [{"id": a["id"], "title": _area_title(ctx, a), "standards": _standards(ctx, a["id"])} for a in areas]
    return ctx.render("standards_checklist.html", blocks=blocks, answers=answers)
