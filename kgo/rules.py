"""Every check of data/ that a JSON Schema cannot express, registered in one place.

The loader (kgo/data/loader.py) runs them after the schemas, for the datasets they name, and
reports their messages with file and line like schema errors. Adding a check: write it where its
subject lives (a pure function of the datasets that yields 'path: message'), then list it here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kgo.build.cache import version
from kgo.cyrillic.exceptions import check_exceptions
from kgo.data import reference
from kgo.data.loader import DataError, Rules, load_datasets
from kgo.data.publications import chapters_exist
from kgo.methods.standards import validate_standards
from kgo.methods.valorization.checks import validate_sectors, validate_valorization
from kgo.project import ROOT


def _sdg_ids(datasets: Mapping[str, Any]) -> set[str]:
    return {target["id"] for target in datasets.get("sdg_targets", {}).get("targets", [])}


def rules(root: Path = ROOT) -> Rules:
    docs = root / "docs"
    return {
        "publications": [lambda d: chapters_exist(d, docs)],
        "cyrillic_exceptions": [check_exceptions],
        "districts": [reference.check_districts],
        "municipalities": [reference.check_municipalities],
        "sdg_targets": [lambda d: reference.check_sdg_targets(d, docs)],
        "glossary": [reference.check_glossary],
        "funding_sources": [reference.check_funding_sources],
        "valorization": [lambda d: validate_valorization(d["valorization"], d.get("sectors"),
                                                          check_sector_codes=False)],
        "sectors": [lambda d: validate_sectors(d["sectors"])],
        "standards": [lambda d: validate_standards(d["standards"], _sdg_ids(d))],
    }


def load(root: Path = ROOT) -> tuple[dict[str, Any], list[DataError]]:
    """Every dataset of the project at ``root``, checked by its schema and by the rules above."""
    return load_data(root / "data")


def load_data(data_dir: Path = ROOT / "data") -> tuple[dict[str, Any], list[DataError]]:
    """The same for a data folder (its project is the folder above it). Data that passed every
    check before, unchanged and with unchanged code, is not checked again (``.cache/build/checked``)."""
    root = data_dir.parent
    passed = root / ".cache" / "build" / "checked" / version(root, data_dir)
    return load_datasets(data_dir, rules(root), passed)


def main() -> int:
    """`python -m kgo.rules`: check every dataset; print every problem with file and line."""
    from kgo.data.loader import format_errors

    _, errors = load()
    print(format_errors(errors) if errors else "data/: every dataset matches its schema and rules")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
