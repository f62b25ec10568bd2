"""SDG targets the project addresses (data/sdg_targets.yaml).

Views:
  ``<!-- data: sdg_targets list -->``   each target with its goal, wording and what a local
                                          government can do (anchor ``sdg-16-6`` etc.);
  ``<!-- data: sdg_targets table -->``  one row per target with links to the pages that address it.
English is the official UN wording; the Serbian wording is marked as the project's translation
unless an official translation with its source is recorded.
"""

from __future__ import annotations

from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import Notes


def _link(ctx, page: str) -> str:
    """URL of a docs page from the current page: the framework's ctx.link, else a relative .md."""
    if hasattr(ctx, "link"):
        return ctx.link(page)
    return page


def _targets(ctx, notes: Notes) -> list[dict[str, Any]]:
    doc = ctx.doc
    goals = {g["id"]: g for g in doc["goals"]}
    out = []
    for target in doc["targets"]:
        goal = goals[target["goal"]]
        out.append({
            "id": target["id"],
            "anchor": "sdg-" + target["id"].replace(".", "-"),
            "text": ctx.t(target["text"]),
            "project_translation": target["translation"] == "project" and ctx.lang != "en",
            "goal_number": goal["number"],
            "goal_title": ctx.t(goal["short_title"]),
            "local_action": ctx.t(target["local_action"]),
            "pages": [{"url": _link(ctx, p), "text": ctx.t(doc["pages"][p.partition("#")[0]])}
                      for p in target["addressed_by"]],
            "ref": notes.add(target["source"]),
        })
    return out


def _common(ctx, prefix: str) -> dict[str, Any]:
    notes = Notes(prefix, ctx.lang)
    targets = _targets(ctx, notes)
    any_project = any(t["project_translation"] for t in targets)
    return {
        "targets": targets,
        "notes": notes.items,
        "translation_note": ctx.label("translation_project") if any_project else "",
        "source_label": ctx.ui("source"),
    }


@renderer("sdg_targets", "list")
def sdg_targets_list(ctx) -> str:
    return ctx.render("sdg_targets_list.html", **_common(ctx, "sdg-list-note"))


@renderer("sdg_targets", "table")
def sdg_targets_table(ctx) -> str:
    return ctx.render("sdg_targets_table.html", **_common(ctx, "sdg-table-note"))
