"""Standards: the interactive self-assessment form and the illustrative self-assessments, scored
at build time with the same rule the form uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.methods.standards import (
    RECORD_COLUMNS,
    changed_answers,
    checklist_rows,
    client_rules,
    evidence_text,
    example_answers,
    score,
)
from kgo.render.markers import record, renderer
from kgo.render.renderers.standards_files import file_payload, form_text
from kgo.render.standards_views import (
    STORAGE_KEY,
    _area_title,
    _code,
    _data,
    _pct,
    _points,
    _script_json,
    _standards,
)


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
        (ctx.label("earned"), f"{_points(ctx, result.earned)} / {_points(ctx, result.maximum)}"),
        (ctx.label("percent"), _pct(ctx, result.percent)),
        (ctx.label("threshold"), _pct(ctx, scoring["threshold_percent"], 0)),
        (ctx.label("mandatory_met"), ctx.label("word_yes" if result.mandatory_met else "word_no")),
        (ctx.label("mandatory_missing"),
         ", ".join(_code(ctx, sid) for sid in result.mandatory_missing) or ctx.label("none")),
        (ctx.label("outcome"), ctx.t(outcomes[result.level]["label"])),
    ]
    return ctx.render("standards_example.html", example=example, name=ctx.t(example["name"]),
                      description=ctx.t(example["description"]), figures=figures, area_rows=area_rows,
                      improve=improve, changes=changes, based_on=bool(example.get("based_on")))


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
        **file_payload(ctx, data),
        "ui": {
            "result": ctx.label("form_result"), "points": ctx.label("points"),
            "threshold": ctx.label("threshold"), "mandatory_met": ctx.label("mandatory_met"),
            "mandatory_missing": ctx.label("mandatory_missing"), "unanswered": ctx.label("form_unanswered"),
            "yes": ctx.label("word_yes"), "no": ctx.label("word_no"), "by_area": ctx.label("example_caption"),
            "area": ctx.label("area"), "earned": ctx.label("earned"), "maximum": ctx.label("max_points"),
            "percent": ctx.label("percent"), "reset_confirm": ctx.label("form_reset_confirm"),
            "report_title": ctx.label("report_title"), "report_note": ctx.label("report_note"),
            "municipality": ctx.label("form_municipality"), "date": ctx.label("form_date"),
            "assessors": ctx.label("form_assessors"), "version": ctx.label("version"),
            "code": ctx.label("code"), "title": ctx.label("title"), "level": ctx.label("level"),
            "answer": ctx.label("answer"), "notes": ctx.label("notes"), "no_answer": ctx.label("no_answer"),
            "version_mismatch": ctx.label("form_version_mismatch", saved="{1}"), "outcome": ctx.label("outcome"),
            "record": ctx.label("form_record"), "rule": ctx.label("rule"), "value": ctx.label("value"),
            "total": ctx.label("total"), "max_points": ctx.label("max_points"),
        },
    }
    blocks = [{"id": a["id"], "title": _area_title(ctx, a), "standards": [v for v in standards if v["area"] == a["id"]]}
              for a in data["areas"]]
    return ctx.render("standards_form.html", payload=_script_json(payload), blocks=blocks, answers=answers,
                      version=data["scheme"]["version"], requirement=form_text(ctx, "requirement"),
                      load=form_text(ctx, "load"),
                      load_hint=form_text(ctx, "load_hint", export=ctx.label("form_export")))
