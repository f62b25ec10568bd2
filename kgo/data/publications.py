"""The publication manifest (data/publications.yaml): the one list of publications and chapters
that the navigation, the books and the downloads page read, and its check against docs/."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kgo.editions.model import WRITTEN


def publications(datasets: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Publications in their order, from the loaded (checked) datasets."""
    return sorted(datasets["publications"]["publications"], key=lambda p: p["order"])


def nav_sections(datasets: Mapping[str, Any]) -> list[dict[str, list[str]]]:
    """MkDocs nav entries: a section per publication titled with its Serbian short title."""
    return [
        {pub["short_title"]["sr"]: [f"{pub['folder']}/{chapter}" for chapter in pub["chapters"]]}
        for pub in publications(datasets)
    ]


def chapters_exist(datasets: Mapping[str, Any], docs: Path) -> Iterable[str]:
    """Every chapter listed in the manifest exists in every written language; index.md comes first."""
    for i, pub in enumerate(datasets["publications"]["publications"]):
        if pub["chapters"][0] != "index.md":
            yield f"publications[{i}].chapters: the first chapter must be index.md"
        for j, chapter in enumerate(pub["chapters"]):
            for lang in WRITTEN:
                if not (docs / lang / pub["folder"] / chapter).exists():
                    yield (f"publications[{i}].chapters[{j}]: docs/{lang}/{pub['folder']}/{chapter} "
                           "does not exist; create it or remove it from the list")
