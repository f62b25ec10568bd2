"""The PROPOSED catalogue of RRA JUG services (data/services.yaml).

The overview is one table (service, who can ask, duration); the catalogue gives each service a
card with its purpose, format, what the local government receives and links to the publications.
Both say, from the data, that the catalogue is a proposal of this publication.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.render.markers import renderer
from kgo.render.renderers.project import label


def _services(ctx) -> list[Mapping[str, Any]]:
    return sorted(ctx.data["services"]["services"], key=lambda s: s["order"])


def _link(ctx, link: Mapping[str, Any]) -> dict[str, str]:
    return {"href": ctx.link(link["page"]), "label": ctx.t(link["label"])}


def _view(ctx, service: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": service["id"],
        "order": service["order"],
        "title": ctx.t(service["title"]),
        "purpose": ctx.t(service["purpose"]),
        "who": ctx.t(service["who"]),
        "format": ctx.t(service["format"]),
        "duration": ctx.t(service["duration"]),
        "receives": [ctx.t(r) for r in service["receives"]],
        "links": [_link(ctx, link) for link in service["links"]],
    }


def _labels(ctx, *keys: str) -> dict[str, str]:
    return {k: label(ctx.data["services"], k, ctx.lang) for k in keys}


@renderer("services", "overview")
def services_overview(ctx) -> str:
    return ctx.render("services_overview.html", rows=[_view(ctx, s) for s in _services(ctx)],
                      status=ctx.t(ctx.data["services"]["status"]),
                      labels=_labels(ctx, "caption", "col_service", "col_who", "col_duration"))


@renderer("services", "catalogue")
def services_catalogue(ctx) -> str:
    return ctx.render("services_catalogue.html", rows=[_view(ctx, s) for s in _services(ctx)],
                      status=ctx.t(ctx.data["services"]["status"]),
                      labels=_labels(ctx, "purpose", "who", "format", "duration", "receives",
                                     "links", "proposed"))
