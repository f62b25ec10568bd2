"""The blank checklist and the self-assessment record as CSV rows (the same header the form uses)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.methods.standards.scoring import display_code

CHECKLIST_COLUMNS = ("code", "area", "title", "level", "points", "requirement", "evidence", "indicator", "answer",
                     "earned", "notes", "form_municipality", "form_date", "form_assessors", "version")
#: Columns filled from the record fields of the form (the same value in every row).
RECORD_COLUMNS = ("municipality", "date", "assessors", "version")


def evidence_text(standard: Mapping[str, Any], lang: str) -> str:
    """The evidence of a standard for one cell: "1: a; b | 2: c" (condition number first)."""
    from kgo.text import t

    parts = []
    for n, condition in enumerate(standard["conditions"], start=1):
        parts.append(f"{n}: " + "; ".join(t(e, lang) for e in condition["evidence"]))
    return " | ".join(parts)


def checklist_rows(standards_data: Mapping[str, Any], lang: str) -> list[list[str]]:
    """The blank checklist as rows for a CSV file: a header, then one row per standard.

    Columns (labels from ``labels:`` in the data): ID, area, title, level, points, requirement,
    evidence (by condition, see :func:`evidence_text`), indicator, empty answer, points earned and
    note columns, then the record of the self-assessment (municipality, date, assessors: empty
    here) and the version of the scheme. The self-assessment form offers the same table for
    download, built in the browser from the same header (see ``kgo/render/renderers/standards.py``).
    """
    from kgo.text import t

    labels = standards_data["labels"]
    levels = {lv["id"]: lv["label"] for lv in standards_data["scoring"]["standard_levels"]}
    areas = {a["id"]: a for a in standards_data["areas"]}
    version = standards_data["scheme"]["version"]
    rows = [[t(labels[key], lang) for key in CHECKLIST_COLUMNS]]
    for s in standards_data["standards"]:
        code = display_code(s["id"])
        area = areas[s["area"]]
        rows.append([t({"sr": code, "en": code}, lang), f"{area['number']}. {t(area['title'], lang)}",
                     t(s["title"], lang), t(levels[s["level"]], lang), str(s["points"]),
                     t(s["requirement"], lang), evidence_text(s, lang),
                     t(s["indicator"], lang), "", "", "", "", "", "", version])
    return rows
