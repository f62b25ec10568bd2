"""Standards: the scoring rules, the scheme as proposed (version, change log, reference cases) and
the frameworks it is compared with (BFC SEE, Culture 21: Actions, SDG indicators)."""

from __future__ import annotations

from collections.abc import Mapping

from kgo.methods.standards import (
    reference_cases,
)
from kgo.render.markers import renderer
from kgo.render.standards_views import (
    _data,
    _pct,
    _points,
    _standard_view,
    source_in,
)


@renderer("standards", "rules")
def standards_rules(ctx) -> str:
    scoring = _data(ctx)["scoring"]
    answers = [{"label": ctx.t(a["label"]), "description": ctx.t(a["description"]),
                "share": _pct(ctx, a["factor"] * 100, 0)} for a in scoring["answers"]]
    levels = [{"label": ctx.t(lv["label"]), "description": ctx.t(lv["description"]),
               "min": _pct(ctx, lv["min_percent"], 0),
               "mandatory": ctx.label("word_yes" if lv["requires_mandatory"] else "word_no")}
              for lv in scoring["levels"]]
    not_recognised = {"label": ctx.t(scoring["not_recognised"]["label"]),
                      "description": ctx.t(scoring["not_recognised"]["description"])}
    standard_levels = [{"label": ctx.t(lv["label"]), "description": ctx.t(lv["description"]),
                        "points": _points_range(scoring["points"][lv["id"]])}
                       for lv in scoring["standard_levels"]]
    total = sum(s["points"] for s in _data(ctx)["standards"])
    rules = [
        (ctx.label("threshold"), _pct(ctx, scoring["threshold_percent"], 0)),
        (ctx.label("mandatory_rule"), ctx.label("mandatory_rule_text")),
        (ctx.label("percent_rule"), ctx.label("percent_rule_text")),
        (ctx.label("max_total"), ctx.num(total)),
        (ctx.label("validity"), f"{scoring['validity']['years']} {ctx.label('years')}"),
        (ctx.label("monitoring"), f"{scoring['validity']['monitoring_months']} {ctx.label('months')}"),
    ]
    return ctx.render("standards_rules.html", rules=rules, answers=answers, levels=levels,
                      not_recognised=not_recognised, standard_levels=standard_levels)


def _points_range(rng: Mapping[str, int]) -> str:
    return str(rng["min"]) if rng["min"] == rng["max"] else f"{rng['min']}–{rng['max']}"


@renderer("standards", "bfc")
def standards_bfc(ctx) -> str:
    comparisons = {c["id"]: c for c in _data(ctx).get("comparisons", [])}
    if "bfc-see" not in comparisons:
        raise KeyError("comparisons: no entry id=bfc-see in data/standards.yaml")
    bfc = comparisons["bfc-see"]
    facts = [{"text": ctx.t(f["text"]), "source": source_in(ctx, f["source"])} for f in bfc["facts"]]
    return ctx.render("standards_bfc.html", name=ctx.t(bfc["name"]), facts=facts,
                      source_label=ctx.ui("source"))


@renderer("standards", "crosswalk")
def standards_crosswalk(ctx) -> str:
    rows = [{**{k: v for k, v in _standard_view(ctx, st).items() if k in ("code", "title", "url", "crosswalk")}}
            for st in _data(ctx)["standards"]]
    return ctx.render("standards_crosswalk.html", rows=rows)


@renderer("standards", "frameworks")
def standards_frameworks(ctx) -> str:
    frameworks = _data(ctx)["frameworks"]
    rows = [{"name": ctx.t(fw["name"]), "source": source_in(ctx, fw["source"]),
             "entries": [f"{item['id']} {ctx.t(item['title'])}" for item in fw["items"]]}
            for fw in (frameworks["bfc"], frameworks["culture21"], frameworks["sdg_indicators"])]
    return ctx.render("standards_frameworks.html", rows=rows, source_label=ctx.ui("source"))


@renderer("standards", "scheme")
def standards_scheme(ctx) -> str:
    scheme = _data(ctx)["scheme"]
    rows = [(ctx.label("version"), scheme["version"]), (ctx.label("version_date"), scheme["date"]),
            (ctx.label("status"), ctx.t(scheme["status"]))]
    return ctx.render("standards_scheme.html", rows=rows)


@renderer("standards", "changelog")
def standards_changelog(ctx) -> str:
    changes = [{"version": c["version"], "date": c["date"], "entries": [ctx.t(i) for i in c["items"]]}
               for c in _data(ctx)["scheme"]["changes"]]
    return ctx.render("standards_changelog.html", changes=changes)


@renderer("standards", "scenarios")
def standards_scenarios(ctx) -> str:
    data = _data(ctx)
    cases = reference_cases(data)
    outcomes = {lv["id"]: ctx.t(lv["label"]) for lv in data["scoring"]["levels"]}
    outcomes[data["scoring"]["not_recognised"]["id"]] = ctx.t(data["scoring"]["not_recognised"]["label"])
    of_total = ctx.label("recommended_points", total=cases.recommended_points)

    def needed(value: int | None) -> str:
        return f"{value} {of_total}" if value is not None else "–"

    rows = [
        (ctx.label("scenario_mandatory_only"),
         f"{_points(ctx, cases.mandatory_only.earned)} / {cases.maximum} ({_pct(ctx, cases.mandatory_only.percent)})",
         outcomes[cases.mandatory_only.level]),
        (ctx.label("scenario_all_partial"),
         f"{_points(ctx, cases.all_partial.earned)} / {cases.maximum} ({_pct(ctx, cases.all_partial.percent)})",
         outcomes[cases.all_partial.level]),
        (ctx.label("scenario_ceiling"), _pct(ctx, cases.ceiling_percent, 0), ""),
        (ctx.label("threshold"), _pct(ctx, data["scoring"]["threshold_percent"], 0), ""),
        (ctx.label("scenario_needed_rest_partial"), needed(cases.needed_rest_partial), ""),
        (ctx.label("scenario_needed_rest_none"), needed(cases.needed_rest_none), ""),
    ]
    return ctx.render("standards_scenarios.html", rows=rows)
