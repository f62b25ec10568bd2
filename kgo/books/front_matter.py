"""Cover and colophon facts (data/editions.yaml) and the abbreviations a book uses (data/glossary.yaml),
in the edition's language. A missing fact is empty, never invented."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from kgo.render.glossary import abbreviations as glossary_abbreviations
from kgo.text import t


def current_edition(editions_data: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The newest record of data/editions.yaml (the highest number), or an empty one."""
    editions = (editions_data or {}).get("editions", [])
    return max(editions, key=lambda e: e["number"]) if editions else {}


def edition_info(editions_data: Mapping[str, Any] | None, publication_id: str, lang: str) -> dict[str, Any]:
    """The facts of the cover and the colophon, as texts of the edition (every book shares them)."""
    record = current_edition(editions_data)

    def text(key: str) -> str:
        return t(record[key], lang).strip() if key in record else ""

    licence = record.get("licence", {})
    return {
        "number": str(record["number"]) if "number" in record else "",
        "year": str(record["year"]) if "year" in record else "",
        "place": text("place"),
        "publisher": [text("publisher")] if "publisher" in record else [],
        "partner": [text("partner")] if "partner" in record else [],
        "original_project": text("original_project"),
        "supporters": [{"name": t(s["name"], lang).strip(), "role": t(s["role"], lang).strip()}
                       for s in record.get("supporters", [])],
        "authors": [],
        "editors": [],
        "licence": t(licence["name"], lang).strip() if licence else "",
        "licence_url": licence.get("url", ""),
        "licence_applies_to": t(licence["applies_to"], lang).strip() if licence else "",
        "licence_scope": "",
        "disclaimer": text("disclaimer"),
        "isbn": record.get("isbn", ""),
    }


def abbreviations(glossary: Mapping[str, Any] | None, lang: str, text: str) -> list[dict[str, str]]:
    """Glossary abbreviations that occur in ``text``, sorted, in the edition's script."""
    found = {abbr: full for abbr, full in glossary_abbreviations(glossary or {}, lang).items()
             if abbr != full and re.search(rf"(?<!\w){re.escape(abbr)}(?!\w)", text)}
    return [{"term": k, "full": v} for k, v in sorted(found.items(), key=lambda kv: kv[0].casefold())]


def iso_date(epoch: int | str | None) -> str | None:
    """W3C date of SOURCE_DATE_EPOCH, or None."""
    if epoch in (None, ""):
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
