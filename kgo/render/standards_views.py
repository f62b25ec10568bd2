"""What the Standards renderers share: the standard, area and legal views made from
data/standards.yaml in the edition's language, and number formats for points and percentages."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from kgo.methods.standards import (
    display_code,
)
from kgo.render.markers import record
from kgo.render.reference import data_text, source_texts

# Kept in the browser only; shared by the editions because answers are language-neutral ids.
STORAGE_KEY = "kgo-standardi-samoprocena"


def _script_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def source_in(ctx, source: Mapping[str, Any]) -> dict[str, Any]:
    """A source of data/standards.yaml for a template: title and publisher written for the edition;
    the editors' note on it is English (the language of every source note in data/)."""
    view = {**source, **source_texts(source, ctx.lang)}
    if source.get("note"):
        view["note"] = data_text(source["note"], "en", ctx.lang)
    return view


def _data(ctx) -> Mapping[str, Any]:
    return ctx.data["standards"]


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
    return f"{ctx.label('article_prefix')} {article}"


def _legal_view(ctx, s: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The legal basis of a standard: law, gazette, checked articles (with what they are about)."""
    laws = {law["id"]: law for law in _data(ctx)["laws"]}
    out = []
    for ref in s["legal_basis"]:
        law = laws[ref["law"]]
        articles = {a["id"]: a for a in law["articles"]}
        numbers = ref["article"].split(", ") if ref.get("article") else []
        out.append({
            "title": ctx.t(law["title"]), "gazette": ctx.t(law["gazette"]), "source": source_in(ctx, law["source"]),
            "articles": [{"label": _article_text(ctx, n), "about": ctx.t(articles[n]["about"]),
                          "source": source_in(ctx, articles[n]["source"])} for n in numbers],
            "note": ctx.t(ref.get("note")),
        })
    return out


def _crosswalk_view(ctx, s: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Crosswalk rows of a standard: framework label and its matching items ("no match" if none)."""
    frameworks = _data(ctx)["frameworks"]
    words = {"bfc": "bfc_short", "culture21": "culture21_short", "sdg_indicators": "sdg_indicator_short"}
    rows = []
    for key, word in words.items():
        items = {item["id"]: item for item in frameworks[key]["items"]}
        rows.append({"key": key, "label": ctx.label(word),
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


def _points(ctx, value: float) -> str:
    """Points as printed: whole numbers without decimals (104), halves with one (78,5), quarters
    with two (2,25); the browser script formats them the same way."""
    value = float(value)
    return ctx.num(value, 0 if value.is_integer() else 1 if (value * 2).is_integer() else 2)


def _pct(ctx, value: float, decimals: int = 1) -> str:
    return f"{ctx.num(value, decimals)}%"
