"""Renderers of the Standards publication (data/standards.yaml).

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

import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from kgo.editions.model import edition
from kgo.methods.standards import (
    RECORD_COLUMNS,
    changed_answers,
    checklist_rows,
    client_rules,
    display_code,
    evidence_text,
    example_answers,
    reference_cases,
    score,
)
from kgo.render.markers import record, renderer
from kgo.text import dataset_label

# Kept in the browser only; shared by the editions because answers are language-neutral ids.
STORAGE_KEY = "kgo-standardi-samoprocena"


def _script_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _data(ctx) -> Mapping[str, Any]:
    return ctx.data["standards"]


def _label(ctx, key: str, **values: Any) -> str:
    return dataset_label(_data(ctx), key, ctx.lang, **values)


def _area(ctx, area_id: str) -> Mapping[str, Any]:
    return record(_data(ctx)["areas"], area_id, "area", "data/standards.yaml")


def _code(ctx, standard_id: str) -> str:
    """'KI-4.2' in Latin editions, 'КИ-4.2' in the Cyrillic one."""
    code = display_code(standard_id)
    return ctx.t({"sr": code, "en": code})


def _anchor(standard_id: str) -> str:
    return standard_id.replace(".", "-")


def _level_labels(ctx) -> dict[str, str]:
    return {lv["id"]: ctx.t(lv["label"]) for lv in _data(ctx)["scoring"]["standard_levels"]}


def _area_title(ctx, area: Mapping[str, Any]) -> str:
    return f"{area['number']}. {ctx.t(area['title'])}"


def _article_text(ctx, article: str) -> str:
    return f"{_label(ctx, 'article_prefix')} {article}"


def _legal_view(ctx, s: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The legal basis of a standard: law, gazette, checked articles (with what they are about)."""
    laws = {law["id"]: law for law in _data(ctx)["laws"]}
    out = []
    for ref in s["legal_basis"]:
        law = laws[ref["law"]]
        articles = {a["id"]: a for a in law["articles"]}
        numbers = ref["article"].split(", ") if ref.get("article") else []
        out.append({
            "title": ctx.t(law["title"]), "gazette": ctx.t(law["gazette"]), "source": law["source"],
            "articles": [{"label": _article_text(ctx, n), "about": ctx.t(articles[n]["about"]),
                          "source": articles[n]["source"]} for n in numbers],
            "note": ctx.t(ref.get("note")),
        })
    return out


def _crosswalk_view(ctx, s: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Crosswalk rows of a standard: framework label and its matching items ("no match" if none)."""
    frameworks = _data(ctx)["frameworks"]
    labels = {"bfc": "bfc_short", "culture21": "culture21_short", "sdg_indicators": "sdg_indicator_short"}
    rows = []
    for key, label in labels.items():
        items = {item["id"]: item for item in frameworks[key]["items"]}
        rows.append({"key": key, "label": _label(ctx, label),
                     "matches": [f"{i} {ctx.t(items[i]['title'])}" for i in s["crosswalk"][key]]})
    return rows


def _standard_view(ctx, s: Mapping[str, Any]) -> dict[str, Any]:
    """A standard with every text in the page's language and its links."""
    area = _area(ctx, s["area"])
    answers = _data(ctx)["scoring"]["answers"]
    conditions = [{"number": n, "text": ctx.t(c["text"]), "evidence": [ctx.t(e) for e in c["evidence"]]}
                  for n, c in enumerate(s["conditions"], start=1)]
    return {
        "id": s["id"],
        "anchor": _anchor(s["id"]),
        "code": _code(ctx, s["id"]),
        "title": ctx.t(s["title"]),
        "area": area["id"],
        "area_title": _area_title(ctx, area),
        "level": s["level"],
        "level_label": _level_labels(ctx)[s["level"]],
        "points": s["points"],
        "requirement": ctx.t(s["requirement"]),
        "rationale": ctx.t(s["rationale"]),
        "conditions": conditions,
        "evidence": [e for c in conditions for e in c["evidence"]],
        "rubric": [{"id": a["id"], "label": ctx.t(a["label"]), "text": ctx.t(s["rubric"][a["id"]])} for a in answers],
        "indicator": ctx.t(s["indicator"]),
        "sdg": list(s["sdg"]),
        "legal": _legal_view(ctx, s),
        "crosswalk": _crosswalk_view(ctx, s),
        "url": ctx.link(f"{area['page']}#{_anchor(s['id'])}"),
    }


def _standards(ctx, area_id: str | None = None) -> list[dict[str, Any]]:
    return [_standard_view(ctx, s) for s in _data(ctx)["standards"] if area_id in (None, s["area"])]


def _labels(ctx, *keys: str) -> dict[str, str]:
    return {key: _label(ctx, key) for key in keys}


def _points(ctx, value: float) -> str:
    """Points as printed: whole numbers without decimals (104), halves with one (78,5), quarters
    with two (2,25); the browser script formats them the same way."""
    value = float(value)
    return ctx.num(value, 0 if value.is_integer() else 1 if (value * 2).is_integer() else 2)


def _pct(ctx, value: float, decimals: int = 1) -> str:
    return f"{ctx.num(value, decimals)}%"


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
    return ctx.render("standards_areas.html", rows=rows,
                      labels=_labels(ctx, "area", "standards_count", "mandatory_count", "summary_caption"))


@renderer("standards", "area")
def standards_area(ctx, id: str) -> str:
    area = _area(ctx, id)
    return ctx.render("standards_area.html", area=area, standards=_standards(ctx, id),
                      labels=_labels(ctx, "level", "points", "requirement", "rationale", "conditions", "evidence",
                                     "rubric", "indicator", "sdg", "legal_basis", "article_not_verified",
                                     "crosswalk", "no_match", "accessed"),
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
    return ctx.render("standards_summary.html", rows=rows, total=total,
                      labels=_labels(ctx, "summary_caption", "area", "standards_count", "mandatory_count",
                                     "recommended_count", "max_points", "total"))


@renderer("standards", "list")
def standards_list(ctx) -> str:
    return ctx.render("standards_list.html", standards=_standards(ctx),
                      caption=_label(ctx, "all_standards"),
                      labels=_labels(ctx, "code", "title", "area", "level", "points", "sdg"))


@renderer("standards", "sdg")
def standards_sdg(ctx) -> str:
    targets = ctx.data["sdg_targets"]["targets"]
    rows = []
    for target in targets:
        serving = [v for v in _standards(ctx) if target["id"] in v["sdg"]]
        rows.append({"id": target["id"], "text": ctx.t(target["text"]), "standards": serving,
                     "count": len(serving)})
    return ctx.render("standards_sdg.html", rows=rows,
                      labels=_labels(ctx, "sdg_caption", "sdg", "standard", "standards_count", "none"),
                      wording=ctx.t(ctx.data["sdg_targets"]["labels"]["wording"]))


@renderer("standards", "rules")
def standards_rules(ctx) -> str:
    scoring = _data(ctx)["scoring"]
    answers = [{"label": ctx.t(a["label"]), "description": ctx.t(a["description"]),
                "share": _pct(ctx, a["factor"] * 100, 0)} for a in scoring["answers"]]
    levels = [{"label": ctx.t(lv["label"]), "description": ctx.t(lv["description"]),
               "min": _pct(ctx, lv["min_percent"], 0),
               "mandatory": _label(ctx, "word_yes" if lv["requires_mandatory"] else "word_no")}
              for lv in scoring["levels"]]
    not_recognised = {"label": ctx.t(scoring["not_recognised"]["label"]),
                      "description": ctx.t(scoring["not_recognised"]["description"])}
    standard_levels = [{"label": ctx.t(lv["label"]), "description": ctx.t(lv["description"]),
                        "points": _points_range(scoring["points"][lv["id"]])}
                       for lv in scoring["standard_levels"]]
    total = sum(s["points"] for s in _data(ctx)["standards"])
    rules = [
        (_label(ctx, "threshold"), _pct(ctx, scoring["threshold_percent"], 0)),
        (_label(ctx, "mandatory_rule"), _label(ctx, "mandatory_rule_text")),
        (_label(ctx, "percent_rule"), _label(ctx, "percent_rule_text")),
        (_label(ctx, "max_total"), ctx.num(total)),
        (_label(ctx, "validity"), f"{scoring['validity']['years']} {_label(ctx, 'years')}"),
        (_label(ctx, "monitoring"), f"{scoring['validity']['monitoring_months']} {_label(ctx, 'months')}"),
    ]
    return ctx.render("standards_rules.html", rules=rules, answers=answers, levels=levels,
                      not_recognised=not_recognised, standard_levels=standard_levels,
                      labels=_labels(ctx, "rules_caption", "rule", "value", "answers_caption", "answer",
                                     "factor", "levels_caption", "outcome", "min_percent",
                                     "requires_mandatory", "level", "points", "description"),
                      level_caption=_label(ctx, "standard_levels_caption"))


def _points_range(rng: Mapping[str, int]) -> str:
    return str(rng["min"]) if rng["min"] == rng["max"] else f"{rng['min']}–{rng['max']}"


@renderer("standards", "checklist")
def standards_checklist(ctx, area: str | None = None) -> str:
    areas = [_area(ctx, area)] if area else list(_data(ctx)["areas"])
    answers = [ctx.t(a["label"]) for a in _data(ctx)["scoring"]["answers"]]
    blocks = [{"id": a["id"], "title": _area_title(ctx, a), "standards": _standards(ctx, a["id"])} for a in areas]
    return ctx.render("standards_checklist.html", blocks=blocks, answers=answers,
                      labels=_labels(ctx, "checklist_caption", "code", "requirement", "conditions", "rubric", "level",
                                     "points", "answer", "notes"))


@renderer("standards", "example")
def standards_example(ctx, id: str) -> str:
    data = _data(ctx)
    example = record(data["examples"], id, "example", "data/standards.yaml")
    answers = example_answers(data, id)
    result = score(data, answers)
    scoring = data["scoring"]
    outcomes = {lv["id"]: lv for lv in scoring["levels"]}
    outcomes[scoring["not_recognised"]["id"]] = scoring["not_recognised"]
    answer_labels = {a["id"]: ctx.t(a["label"]) for a in scoring["answers"]}
    factors = {a["id"]: a["factor"] for a in scoring["answers"]}
    notes = {}
    for ex in _chain(data, id):
        notes.update(ex.get("notes", {}))
    by_id = {v["id"]: v for v in _standards(ctx)}

    def missed(sid: str) -> float:
        return (1 - factors[answers[sid]]) * by_id[sid]["points"] if sid in answers else by_id[sid]["points"]

    improve = [{**by_id[s["id"]], "answer": answer_labels.get(answers.get(s["id"]), ""),
                "missed": _points(ctx, missed(s["id"])), "note": ctx.t(notes.get(s["id"]))}
               for s in data["standards"] if answers.get(s["id"]) != scoring["mandatory_answer"]]
    changes = [{**by_id[sid], "before": answer_labels.get(before or "", ""), "after": answer_labels[after],
                "note": ctx.t(example.get("notes", {}).get(sid))}
               for sid, (before, after) in changed_answers(data, id).items()]
    areas = {a["id"]: a for a in data["areas"]}
    area_rows = [{"title": _area_title(ctx, areas[a.id]), "earned": _points(ctx, a.earned), "maximum": a.maximum,
                  "percent": _pct(ctx, a.percent)} for a in result.areas]
    figures = [
        (_label(ctx, "earned"), f"{_points(ctx, result.earned)} / {_points(ctx, result.maximum)}"),
        (_label(ctx, "percent"), _pct(ctx, result.percent)),
        (_label(ctx, "threshold"), _pct(ctx, scoring["threshold_percent"], 0)),
        (_label(ctx, "mandatory_met"), _label(ctx, "word_yes" if result.mandatory_met else "word_no")),
        (_label(ctx, "mandatory_missing"),
         ", ".join(_code(ctx, sid) for sid in result.mandatory_missing) or _label(ctx, "none")),
        (_label(ctx, "outcome"), ctx.t(outcomes[result.level]["label"])),
    ]
    return ctx.render("standards_example.html", example=example, name=ctx.t(example["name"]),
                      description=ctx.t(example["description"]), figures=figures, area_rows=area_rows,
                      improve=improve, changes=changes, based_on=bool(example.get("based_on")),
                      labels=_labels(ctx, "illustrative", "based_on", "changed", "example_caption", "area",
                                     "earned", "max_points", "percent", "improvement_plan", "code", "title",
                                     "level", "points", "answer", "notes", "rule", "value"),
                      missed_label=_label(ctx, "missed"),
                      before_label=_label(ctx, "before"),
                      after_label=_label(ctx, "after"))


def _chain(data: Mapping[str, Any], example_id: str) -> list[Mapping[str, Any]]:
    """The example and the examples it is based on, oldest first."""
    examples = {e["id"]: e for e in data["examples"]}
    chain = []
    current: str | None = example_id
    while current is not None:
        chain.append(examples[current])
        current = examples[current].get("based_on")
    return list(reversed(chain))


@renderer("standards", "form")
def standards_form(ctx) -> str:
    data = _data(ctx)
    scoring = data["scoring"]
    standards = _standards(ctx)
    answers = [{"id": a["id"], "label": ctx.t(a["label"]), "factor": a["factor"]} for a in scoring["answers"]]
    outcomes = {lv["id"]: {"label": ctx.t(lv["label"])} for lv in scoring["levels"]}
    outcomes[scoring["not_recognised"]["id"]] = {"label": ctx.t(scoring["not_recognised"]["label"])}
    suffix = edition(ctx.lang).suffix
    payload = {
        "lang": ctx.lang,
        "storage_key": STORAGE_KEY,
        "rules": client_rules(data),
        "answers": answers,
        "outcomes": outcomes,
        "codes": {v["id"]: v["code"] for v in standards},
        "area_titles": {a["id"]: _area_title(ctx, a) for a in data["areas"]},
        "standards": {v["id"]: {"title": v["title"], "level": v["level_label"], "requirement": v["requirement"],
                                "evidence": evidence_text(raw, ctx.lang), "indicator": v["indicator"]}
                      for v, raw in zip(standards, data["standards"], strict=True)},
        "csv_columns": checklist_rows(data, ctx.lang)[0],
        "record_columns": list(RECORD_COLUMNS),
        "version": data["scheme"]["version"],
        "version_date": data["scheme"]["date"],
        "filenames": {"answers": f"samoprocena-standardi-{suffix}.csv",
                      "blank": f"kontrolna-lista-standardi-{suffix}.csv"},
        "ui": {
            "result": _label(ctx, "form_result"), "points": _label(ctx, "points"),
            "threshold": _label(ctx, "threshold"), "mandatory_met": _label(ctx, "mandatory_met"),
            "mandatory_missing": _label(ctx, "mandatory_missing"), "unanswered": _label(ctx, "form_unanswered"),
            "yes": _label(ctx, "word_yes"), "no": _label(ctx, "word_no"), "by_area": _label(ctx, "example_caption"),
            "area": _label(ctx, "area"), "earned": _label(ctx, "earned"), "maximum": _label(ctx, "max_points"),
            "percent": _label(ctx, "percent"), "reset_confirm": _label(ctx, "form_reset_confirm"),
            "report_title": _label(ctx, "report_title"), "report_note": _label(ctx, "report_note"),
            "municipality": _label(ctx, "form_municipality"), "date": _label(ctx, "form_date"),
            "assessors": _label(ctx, "form_assessors"), "version": _label(ctx, "version"),
            "code": _label(ctx, "code"), "title": _label(ctx, "title"), "level": _label(ctx, "level"),
            "answer": _label(ctx, "answer"), "notes": _label(ctx, "notes"), "no_answer": _label(ctx, "no_answer"),
            "version_mismatch": _label(ctx, "form_version_mismatch"), "outcome": _label(ctx, "outcome"),
            "record": _label(ctx, "form_record"), "rule": _label(ctx, "rule"), "value": _label(ctx, "value"),
        },
    }
    blocks = [{"id": a["id"], "title": _area_title(ctx, a), "standards": [v for v in standards if v["area"] == a["id"]]}
              for a in data["areas"]]
    return ctx.render("standards_form.html", payload=_script_json(payload), blocks=blocks, answers=answers,
                      version=data["scheme"]["version"],
                      labels=_labels(ctx, "form_intro", "form_export", "form_blank", "form_print", "form_reset",
                                     "form_note", "points", "form_result", "form_record", "form_municipality",
                                     "form_date", "form_assessors", "version"))


@renderer("standards", "bfc")
def standards_bfc(ctx) -> str:
    comparisons = {c["id"]: c for c in _data(ctx).get("comparisons", [])}
    if "bfc-see" not in comparisons:
        raise KeyError("comparisons: no entry id=bfc-see in data/standards.yaml")
    bfc = comparisons["bfc-see"]
    facts = [{"text": ctx.t(f["text"]), "source": f["source"]} for f in bfc["facts"]]
    return ctx.render("standards_bfc.html", name=ctx.t(bfc["name"]), facts=facts,
                      source_label=ctx.ui("source"),
                      accessed_label=_label(ctx, "accessed"))


@renderer("standards", "crosswalk")
def standards_crosswalk(ctx) -> str:
    rows = [{**{k: v for k, v in _standard_view(ctx, st).items() if k in ("code", "title", "url", "crosswalk")}}
            for st in _data(ctx)["standards"]]
    return ctx.render("standards_crosswalk.html", rows=rows,
                      labels=_labels(ctx, "crosswalk_caption", "code", "title", "bfc_short", "culture21_short",
                                     "sdg_indicator_short"))


@renderer("standards", "frameworks")
def standards_frameworks(ctx) -> str:
    frameworks = _data(ctx)["frameworks"]
    rows = [{"name": ctx.t(fw["name"]), "source": fw["source"],
             "entries": [f"{item['id']} {ctx.t(item['title'])}" for item in fw["items"]]}
            for fw in (frameworks["bfc"], frameworks["culture21"], frameworks["sdg_indicators"])]
    return ctx.render("standards_frameworks.html", rows=rows, source_label=ctx.ui("source"),
                      labels=_labels(ctx, "frameworks_caption", "framework", "accessed"))


@renderer("standards", "scheme")
def standards_scheme(ctx) -> str:
    scheme = _data(ctx)["scheme"]
    rows = [(_label(ctx, "version"), scheme["version"]), (_label(ctx, "version_date"), scheme["date"]),
            (_label(ctx, "status"), ctx.t(scheme["status"]))]
    return ctx.render("standards_scheme.html", rows=rows,
                      labels=_labels(ctx, "scheme_caption", "rule", "value"))


@renderer("standards", "changelog")
def standards_changelog(ctx) -> str:
    changes = [{"version": c["version"], "date": c["date"], "entries": [ctx.t(i) for i in c["items"]]}
               for c in _data(ctx)["scheme"]["changes"]]
    return ctx.render("standards_changelog.html", changes=changes,
                      labels=_labels(ctx, "changelog_caption", "version", "version_date", "changes"))


@renderer("standards", "scenarios")
def standards_scenarios(ctx) -> str:
    data = _data(ctx)
    cases = reference_cases(data)
    outcomes = {lv["id"]: ctx.t(lv["label"]) for lv in data["scoring"]["levels"]}
    outcomes[data["scoring"]["not_recognised"]["id"]] = ctx.t(data["scoring"]["not_recognised"]["label"])
    of_total = _label(ctx, "recommended_points", total=cases.recommended_points)

    def needed(value: int | None) -> str:
        return f"{value} {of_total}" if value is not None else "–"

    rows = [
        (_label(ctx, "scenario_mandatory_only"),
         f"{_points(ctx, cases.mandatory_only.earned)} / {cases.maximum} ({_pct(ctx, cases.mandatory_only.percent)})",
         outcomes[cases.mandatory_only.level]),
        (_label(ctx, "scenario_all_partial"),
         f"{_points(ctx, cases.all_partial.earned)} / {cases.maximum} ({_pct(ctx, cases.all_partial.percent)})",
         outcomes[cases.all_partial.level]),
        (_label(ctx, "scenario_ceiling"), _pct(ctx, cases.ceiling_percent, 0), ""),
        (_label(ctx, "threshold"), _pct(ctx, data["scoring"]["threshold_percent"], 0), ""),
        (_label(ctx, "scenario_needed_rest_partial"), needed(cases.needed_rest_partial), ""),
        (_label(ctx, "scenario_needed_rest_none"), needed(cases.needed_rest_none), ""),
    ]
    return ctx.render("standards_scenarios.html", rows=rows,
                      labels=_labels(ctx, "scenarios_caption", "scenario", "value", "outcome"))
