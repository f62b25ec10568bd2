"""Which editable documents exist, in which formats, and where they are in the site.

Every model act of ``data/model_acts.yaml``, every form of ``data/templates_handbook.yaml`` and
``data/templates_guidelines.yaml`` and the Standards' checklists, in every edition, as DOCX and
ODT; the tabular ones (lists of records, the action plan, the checklists) also as XLSX and ODS.
Files: ``dokumenti/<stem>-<edition suffix>.<format>``, e.g. ``dokumenti/prirucnik-action-plan-sr-cyrl.odt``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kgo.documents import content
from kgo.documents.model import Document
from kgo.editions.model import EDITIONS, edition
from kgo.render.markers import record
from kgo.text import t

FOLDER = "dokumenti"
TEXT_FORMATS = ("docx", "odt")
SHEET_FORMATS = ("xlsx", "ods")
FORMATS = (*TEXT_FORMATS, *SHEET_FORMATS)
# Model acts that are tables to fill in rather than text: also offered as spreadsheets.
SPREADSHEET_MODELS = ("action-plan",)
CHECKLISTS = "checklists"
# Groups of the downloads page, in its order: (group, dataset, stem prefix).
GROUPS = (("model_acts", "model_acts", "prirucnik-model-"), ("templates_handbook", "templates_handbook", "prirucnik-"),
          ("templates_guidelines", "templates_guidelines", "smernice-"), ("standards", "standards", "standardi-"))


@dataclass(frozen=True)
class Entry:
    dataset: str        # model_acts, templates_handbook, templates_guidelines or standards
    id: str             # the record's id; "checklists" for the Standards' checklists
    stem: str           # file name without edition suffix and format
    formats: tuple[str, ...]


def entries(datasets: Mapping[str, Any]) -> list[Entry]:
    """Every document, in the order of the downloads page."""
    out = []
    for _, dataset, prefix in GROUPS:
        if dataset == "standards":
            out.append(Entry(dataset, CHECKLISTS, f"{prefix}kontrolne-liste", FORMATS))
            continue
        key = "models" if dataset == "model_acts" else "templates"
        for item in datasets[dataset][key]:
            if dataset == "model_acts":
                tabular = item["id"] in SPREADSHEET_MODELS
            else:
                tabular = len(item["columns"]) >= content.WIDE
            out.append(Entry(dataset, item["id"], f"{prefix}{item['id']}", FORMATS if tabular else TEXT_FORMATS))
    return out


def entry(datasets: Mapping[str, Any], dataset: str, item_id: str) -> Entry:
    for item in entries(datasets):
        if item.dataset == dataset and item.id == item_id:
            return item
    raise KeyError(f"no document for {dataset} id={item_id!r}")


def file_path(item: Entry, lang: str, fmt: str) -> str:
    """Site path of one file, e.g. 'dokumenti/prirucnik-action-plan-en.xlsx'."""
    return f"{FOLDER}/{item.stem}-{edition(lang).suffix}.{fmt}"


def title(datasets: Mapping[str, Any], item: Entry, lang: str) -> str:
    """The document's title in an edition, without making the document."""
    if item.dataset == "standards":
        return content.text("checklists_title", lang)
    key = "models" if item.dataset == "model_acts" else "templates"
    return t(record(datasets[item.dataset][key], item.id, "record", f"data/{item.dataset}.yaml")["title"], lang)


def document(datasets: Mapping[str, Any], item: Entry, lang: str) -> Document:
    """The neutral document of an entry in an edition."""
    if item.dataset == "model_acts":
        return content.model_act(datasets, item.id, lang)
    if item.dataset == "standards":
        return content.checklists(datasets, lang)
    return content.form(datasets, item.dataset, item.id, lang)


def all_files(datasets: Mapping[str, Any]) -> list[tuple[Entry, str, str]]:
    """Every file as (entry, edition, format), in a fixed order."""
    return [(item, e.code, fmt) for item in entries(datasets) for e in EDITIONS for fmt in item.formats]
