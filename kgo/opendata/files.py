"""Datasets as open data: JSON as it is, CSV with one row per record of the main list.

Pure functions; hooks/build_opendata.py writes the files. CSV is what a municipal officer opens in
a spreadsheet, so nested values are flattened into dotted column names and lists are joined.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kgo.build.cache import cached, inputs_key
from kgo.build.context import BuildContext
from kgo.editions.model import EDITIONS
from kgo.project import ROOT
from kgo.text import t

# File names of the published files, relative to the site root (shared by every edition).
OPEN_DATA_DIR = "otvoreni-podaci"
TEMPLATES_DIR = "obrasci"
EDITION_SUFFIX = {e.code: e.suffix for e in EDITIONS}


def main_records(document: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """The dataset's main list: the first top-level list of records (e.g. 'municipalities')."""
    for key, value in document.items():
        if isinstance(value, list):
            return key, value
    return "", []


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """{'name': {'sr': 'Niš'}} -> {'name.sr': 'Niš'}; lists of scalars are joined with '; '."""
    if isinstance(value, Mapping):
        out: dict[str, str] = {}
        for key, sub in value.items():
            out.update(flatten(sub, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, list):
        if all(not isinstance(v, (Mapping, list)) for v in value):
            return {prefix: "; ".join("" if v is None else str(v) for v in value)}
        return {prefix: json.dumps(value, ensure_ascii=False, sort_keys=True)}
    return {prefix: "" if value is None else str(value)}


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def dataset_csv(document: Mapping[str, Any]) -> str:
    """A dataset's main list as CSV (UTF-8; columns in order of first appearance)."""
    _, records = main_records(document)
    flat = [flatten(r) for r in records]
    columns: list[str] = []
    for row in flat:
        columns += [c for c in row if c not in columns]
    return _csv([columns] + [[row.get(c, "") for c in columns] for row in flat])


def dataset_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def template_csv(template: Mapping[str, Any], lang: str) -> str:
    """A blank form (with its example rows, if any) in one edition's language."""
    header = [t(c, lang) for c in template["columns"]]
    rows = [[t(cell, lang) for cell in row] for row in template.get("example_rows", [])]
    return _csv([header, *rows])


def template_file(dataset: str, template_id: str, lang: str) -> str:
    """Site path of a form's CSV, e.g. 'obrasci/prirucnik-action-plan-en.csv'."""
    owner = dataset.removeprefix("templates_")
    return f"{TEMPLATES_DIR}/{owner}-{template_id}-{EDITION_SUFFIX[lang]}.csv"


def open_data_files(datasets: Mapping[str, Any]) -> dict[str, str]:
    """Every open-data file: site path -> text."""
    files = {}
    for name, document in sorted(datasets.items()):
        files[f"{OPEN_DATA_DIR}/{name}.json"] = dataset_json(document)
        files[f"{OPEN_DATA_DIR}/{name}.csv"] = dataset_csv(document)
        if name.startswith("templates_"):
            for template in document.get("templates", []):
                for lang in EDITION_SUFFIX:
                    files[template_file(name, template["id"], lang)] = template_csv(template, lang)
    return files


def write_open_data(datasets: Mapping[str, Any], site_dir: Path, context: BuildContext | Path = ROOT) -> None:
    """Write every open-data file into the built site (made once for the same data and code)."""
    key = inputs_key(datasets, tuple(sorted(datasets)), ())
    for path, text in cached(context, "opendata", key, lambda: open_data_files(datasets)).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # BOM: spreadsheet programs on office PCs then read č ć đ š ž correctly.
        encoding = "utf-8-sig" if path.endswith(".csv") else "utf-8"
        target.write_text(text, encoding=encoding, newline="")
