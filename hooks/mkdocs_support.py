"""What every MkDocs hook needs to know about the build it runs in: the edition and the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# theme.language of each edition (set per edition in mkdocs.yml) -> our edition code
EDITION_BY_THEME_LANGUAGE = {"sr-Latn": "sr", "sr-Cyrl": "cyr", "en": "en"}
LOCALE_BY_EDITION = {"sr": "sr", "cyr": "sr-Cyrl", "en": "en"}


def edition(config: Any) -> str:
    """The edition being built ("sr", "cyr" or "en")."""
    language = config.theme["language"]
    if language not in EDITION_BY_THEME_LANGUAGE:
        raise ValueError(f"theme.language {language!r} is not an edition; "
                         f"use one of {', '.join(EDITION_BY_THEME_LANGUAGE)} in mkdocs.yml")
    return EDITION_BY_THEME_LANGUAGE[language]


def page_path(page: Any) -> str:
    """Path of a page inside its language folder: 'sr/prirucnik/index.md' -> 'prirucnik/index.md'."""
    src = page.file.src_uri
    first, _, rest = src.partition("/")
    return rest if first in ("sr", "en", "sr-Cyrl") and rest else src


def source_file(page: Any) -> str:
    """The Markdown file an editor changes for this page (the Latin master for Cyrillic)."""
    src = page.file.src_uri
    return src if src.split("/", 1)[0] in ("sr", "en") else f"sr/{page_path(page)}"


def docs_fingerprint(docs_dir: str | Path) -> tuple:
    """Names, times and sizes of every Markdown page: a check that passed for the same fingerprint
    need not run again for the next edition of the same build."""
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(Path(docs_dir).rglob("*.md")))
