"""What the stages of one build share, in one object.

MkDocs calls each hook separately and the i18n plugin builds the editions one after another with
the same configuration; the context rides on that configuration (kgo.engine.mkdocs.build_context),
so it lives exactly as long as one build — a preview rebuild starts with a fresh one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class BuildContext:
    root: Path                                  # the project: mkdocs.yml, docs/, data/
    preview: bool = False                       # `mkdocs serve`: no output swap, no books
    datasets: dict[str, Any] = field(default_factory=dict)   # every dataset, checked once per build
    target: Path | None = None                  # the site/ a successful build replaces
    passed: dict[str, Any] = field(default_factory=dict)     # fingerprints of checks already passed
    lagging: dict[str, str] = field(default_factory=dict)    # English pages behind their original
    abbreviations: dict[str, str] = field(default_factory=dict)  # glossary lines per edition
    search_records: dict[str, list] = field(default_factory=dict)  # per edition
    book_pages: dict[tuple[str, str], Any] = field(default_factory=dict)  # (edition, path) -> chapter
    downloads: list[tuple[str, str]] = field(default_factory=list)  # pages that list the books
    stash: dict[str, str] = field(default_factory=dict)      # rendered data HTML waiting for its page
    cyrillic_rules: Any = None                  # the exception list, compiled once per build
    cache_version: str | None = None            # hash of code and data: part of every cache key
    problems: list[str] = field(default_factory=list)  # a preview shows these instead of stopping
    pages: dict[str, set[str]] = field(default_factory=dict)  # the docs paths of each edition's pages
    guarded: list[Any] = field(default_factory=list)   # content-guard findings of every edition (kgo.guard)
    theme_files: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # theme folders -> their files

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"
