"""The PROPOSED catalogue of RRA JUG services (data/services.yaml).

The overview is one table (service, who can ask, duration, indicative effort); the catalogue gives
each service a card with its purpose, format, indicative effort in staff-days, the funding sources
that may pay for it (links to their sections on the funding page), what the local government
receives and links to the publications. Both say, from the data, that the catalogue and the effort
are proposals of this publication, not the agency's offer or price list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.render.markers import record, renderer


def _services(ctx) -> list[Mapping[str, Any]]:
    return sorted(ctx.data["services"]["services"], key=lambda s: s["order"])


def _link(ctx, link: Mapping[str, Any]) -> dict[str, str]:
    return {"href": ctx.link(link["page"]), "label": ctx.t(link["label"])}


def _effort(ctx, effort: Mapping[str, Any]) -> str:
    """'30–45 dana rada', '3–4 staff-days per module'."""
    low, high = effort["days"]["min"], effort["days"]["max"]
    days = f"{low}–{high}" if high != low else str(low)
    per = f" {ctx.t(effort['per'])}" if effort.get("per") else ""
    return f"{days} {ctx.label('days')}{per}"


def _funding(ctx, ids: list[str]) -> list[dict[str, str]]:
    """The funding sources by id (data/funding_sources.yaml), linked to their section on the funding page."""
    if not ids:
        return []
    sources = ctx.data["funding_sources"]["funding_sources"]
    return [{"name": ctx.t(record(sources, i, "funding source", "data/funding_sources.yaml")["name"]),
             "href": ctx.link(f"finansiranje.md#funding-{i}")} for i in ids]


def _view(ctx, service: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": service["id"],
        "order": service["order"],
        "title": ctx.t(service["title"]),
        "purpose": ctx.t(service["purpose"]),
        "who": ctx.t(service["who"]),
        "format": ctx.t(service["format"]),
        "duration": ctx.t(service["duration"]),
        # The schema requires effort and funding; a catalogue without them (older data) shows neither.
        "effort": _effort(ctx, service["effort"]) if "effort" in service else "",
        "covers": ctx.t(service["effort"]["covers"]) if "effort" in service else "",
        "funding": _funding(ctx, service.get("funding", [])),
        "receives": [ctx.t(r) for r in service["receives"]],
        "links": [_link(ctx, link) for link in service["links"]],
    }


def _has_effort(ctx) -> bool:
    """Whether the services carry effort and funding (the templates then show their rows and note)."""
    return any("effort" in s for s in _services(ctx))


@renderer("services", "overview")
def services_overview(ctx) -> str:
    return ctx.render("services_overview.html", rows=[_view(ctx, s) for s in _services(ctx)],
                      status=ctx.t(ctx.data["services"]["status"]),
                      effort=_has_effort(ctx))


@renderer("services", "catalogue")
def services_catalogue(ctx) -> str:
    return ctx.render("services_catalogue.html", rows=[_view(ctx, s) for s in _services(ctx)],
                      status=ctx.t(ctx.data["services"]["status"]),
                      effort=_has_effort(ctx))
