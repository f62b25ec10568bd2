"""Abbreviations from the glossary become ``<abbr title>`` hints on every page of a language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.text import t


def abbreviations(glossary: Mapping[str, Any], lang: str) -> dict[str, str]:
    """{abbreviation: expansion} in the edition's language, from entries marked ``abbr: true``."""
    found = {}
    for entry in glossary.get("terms", []):
        if entry.get("abbr") and entry.get("abbreviation"):
            found[t(entry["abbreviation"], lang)] = t(entry["term"], lang)
    return found


def abbreviation_lines(glossary: Mapping[str, Any], lang: str) -> str:
    """Markdown 'abbr' definitions (``*[JLS]: jedinica lokalne samouprave``) to append to a page."""
    lines = [f"*[{abbr}]: {expansion.replace(']', ')')}"
             for abbr, expansion in sorted(abbreviations(glossary, lang).items())]
    return "\n".join(lines)
