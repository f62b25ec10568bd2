"""The publication manifest (data/publications.yaml) as the rest of the code needs it."""

from __future__ import annotations

from typing import Any

import yaml

from hooks.data_loader import DATA_DIR


def publications() -> list[dict[str, Any]]:
    """Publications in their order (read fresh: the preview server reloads it on change)."""
    manifest = yaml.safe_load((DATA_DIR / "publications.yaml").read_text(encoding="utf-8"))
    return sorted(manifest["publications"], key=lambda p: p["order"])


def nav_sections() -> list[dict[str, list[str]]]:
    """MkDocs nav entries: a section per publication titled with its Serbian short title."""
    return [
        {pub["short_title"]["sr"]: [f"{pub['folder']}/{chapter}" for chapter in pub["chapters"]]}
        for pub in publications()
    ]


def publication_of(path: str) -> dict[str, Any] | None:
    """The publication a page belongs to, from its path inside the language folder."""
    folder = path.split("/", 1)[0]
    return next((p for p in publications() if p["folder"] == folder and "/" in path), None)
