"""The original project (data/project.yaml): facts, actors, the 3rd Forum, disclaimer, licence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kgo.render.markers import renderer
from kgo.render.reference import source_texts
from kgo.text import fmt_date, fmt_period, t


def source_view(source: Mapping[str, Any], lang: str) -> dict[str, str]:
    """A common.schema.json source ready for a template: title, publisher, url, formatted date."""
    return {
        **source_texts(source, lang),
        "url": source.get("url", ""),
        "date": fmt_date(source["date"], lang),
    }


def sources_by_id(records: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {record["id"]: record for record in records}


def person(name: str, lang: str, cyr: str | None = None) -> str:
    """A person's name: unchanged in Latin and English; in Cyrillic the given form, else transliterated."""
    text = {"sr": name, "en": name}
    if cyr:
        text["cyr"] = cyr
    return t(text, lang)


# --- views ------------------------------------------------------------------------------------

def _project(ctx) -> Mapping[str, Any]:
    return ctx.data["project"]


def _sources(ctx, ids: Sequence[str]) -> list[dict[str, str]]:
    known = sources_by_id(_project(ctx)["sources"])
    missing = [i for i in ids if i not in known]
    if missing:
        raise KeyError(f"data/project.yaml: unknown source id(s) {', '.join(missing)}")
    return [source_view(known[i]["source"], ctx.lang) for i in ids]


@renderer("project", "facts")
def project_facts(ctx) -> str:
    data = _project(ctx)
    rows = [{"label": ctx.t(f["label"]), "value": ctx.t(f["value"]),
             "sources": _sources(ctx, f["sources"])} for f in data["facts"]]
    return ctx.render("project_facts.html", rows=rows,
                      name=ctx.t(data["project"]["name"]),
                      full_title=ctx.t(data["project"]["full_title"]),
                      title_sources=_sources(ctx, data["project"]["sources"]))


@renderer("project", "actors")
def project_actors(ctx, role: str | None = None) -> str:
    data = _project(ctx)
    actors = [a for a in data["actors"] if role is None or a["role"] == role]
    if not actors:
        roles = sorted({a["role"] for a in data["actors"]})
        raise KeyError(f"data/project.yaml: no actor with role={role!r}; roles: {', '.join(roles)}")
    rows = [{
        "id": a["id"],
        "role": ctx.label(f"role_{a['role']}"),
        "name": ctx.t(a["name"]),
        "seat": ctx.t(a["seat"]) if "seat" in a else "",
        "person": person(a["person"], ctx.lang) if "person" in a else "",
        "person_role": ctx.t(a["person_role"]) if "person_role" in a else "",
        "detail": ctx.t(a["detail"]) if "detail" in a else "",
        "sources": _sources(ctx, a["sources"]),
    } for a in actors]
    return ctx.render("project_actors.html", rows=rows)


@renderer("project", "forum")
def project_forum(ctx) -> str:
    data = _project(ctx)
    forum = data["forum"]
    actors = {a["id"]: a for a in data["actors"]}
    parts = [{"when": fmt_period(p["start"], p["end"], ctx.lang), "where": ctx.t(p["place"])}
             for p in forum["parts"]]
    return ctx.render("project_forum.html",
                      name=ctx.t(forum["name"]), parts=parts,
                      partner=ctx.t(actors[forum["partner"]]["name"]),
                      aim=ctx.t(forum["aim"]),
                      questions=[ctx.t(q) for q in forum["questions"]],
                      sources=_sources(ctx, forum["sources"]))


@renderer("project", "disclaimer")
def project_disclaimer(ctx) -> str:
    data = _project(ctx)
    return ctx.render("project_disclaimer.html", title=ctx.label("disclaimer_title"),
                      text=ctx.t(data["disclaimer"]))


@renderer("project", "licence")
def project_licence(ctx) -> str:
    data = _project(ctx)
    licence = data["licence"]
    return ctx.render("project_licence.html", name=ctx.t(licence["name"]), url=licence["url"],
                      scope=ctx.t(licence["scope"]), lead=ctx.label("licence_lead"))


@renderer("project", "sources")
def project_sources(ctx) -> str:
    data = _project(ctx)
    items = [source_view(s["source"], ctx.lang) for s in data["sources"]]
    return ctx.render("project_sources.html", items=items, heading=ctx.ui("sources"))
