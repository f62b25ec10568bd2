"""Contacts (data/contacts.yaml): the agency's public contact details, each with the source it was
taken from (only the agency's own pages), and how readers report errors in this publication.

Views:
  ``<!-- data: contacts agency -->``       name (from data/project.yaml actors), each detail as a link
                                             or text with its source, and what could not be checked;
  ``<!-- data: contacts corrections -->``  the plain-words note on the repository's issue forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.render.markers import record, renderer
from kgo.render.reference import safe_url, source_view

_LINKS = {"website": "{}", "email": "mailto:{}", "phone": "tel:{}"}


def _detail(ctx, detail: Mapping[str, Any]) -> dict[str, Any]:
    kind, value = detail["kind"], detail["value"]
    href = _LINKS[kind].format(value.replace(" ", "")) if kind in _LINKS else ""
    shown = value.removeprefix("https://").removeprefix("http://").rstrip("/") if kind == "website" else value
    return {"kind": kind, "label": ctx.label(kind), "value": shown,
            "href": safe_url(href) if kind == "website" else href,
            "source": source_view(detail["source"], ctx.lang)}


@renderer("contacts", "agency")
def contacts_agency(ctx, id: str = "rra-jug") -> str:
    org = ctx.record("organisations", id, "organisation")
    actor = record(ctx.data["project"]["actors"], org["actor"], "actor", "data/project.yaml")
    seat = ctx.t(actor["seat"]) if actor.get("seat") else ""
    return ctx.render("contacts_agency.html", id=org["id"], name=ctx.t(actor["name"]), seat=seat,
                      details=[_detail(ctx, d) for d in org["details"]],
                      unverified=ctx.t(org.get("unverified")))


@renderer("contacts", "corrections")
def contacts_corrections(ctx) -> str:
    return ctx.render("contacts_corrections.html", text=ctx.t(ctx.doc["corrections"]["text"]),
                      heading=ctx.label("corrections"))
