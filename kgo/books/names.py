"""Names shared by the books: editions, variants, file names and URLs of the books, print UI words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kgo.editions.model import CODES
from kgo.editions.model import EDITIONS as ALL_EDITIONS
from kgo.text import t

TEMPLATES = Path(__file__).parent / "templates"
UI_STRINGS = TEMPLATES / "pdf_ui.yaml"

EDITIONS = CODES
#: File name suffix of each edition's books: site/pdf/<pdf>-<suffix>[-print].pdf
SUFFIX = {e.code: e.suffix for e in ALL_EDITIONS}
#: URL prefix of each edition on the site (the Latin edition is at the root).
EDITION_PREFIX = {e.code: e.prefix for e in ALL_EDITIONS}
#: "screen": the PDF to read and print at the office; "print": 3 mm bleed and crop marks.
VARIANTS = ("screen", "print")
PDF_FOLDER = "pdf"
#: What WeasyPrint is asked for (the layout and the screen variant: tagged PDF/UA-1); part of the cache key.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "uncompressed_pdf": False}
#: The print variant: PDF/X-4, still tagged, with an output intent (PRINT_PROFILE); part of the cache key.
PRINT_PDF_OPTIONS = {"pdf_variant": "pdf/x-4", "pdf_tags": True, "uncompressed_pdf": False}
#: The ICC profile of the print variant's output intent (sRGB, zlib licence: color/LICENSE.txt). The
#: books are in RGB: an RGB output intent says so, and the print shop converts to its own CMYK.
PRINT_PROFILE = Path(__file__).parent / "color" / "sRGB.icc"

_FAKE_ORIGIN = "https://book.invalid/"


# --- names ------------------------------------------------------------------------------------

def pdf_stem(publication: Mapping[str, Any], edition: str, variant: str = "screen") -> str:
    """File name without '.pdf': ``prirucnik-sr-latn`` or ``prirucnik-sr-latn-print``."""
    stem = f"{publication['pdf']}-{SUFFIX[edition]}"
    return stem + ("-print" if variant == "print" else "")


def pdf_path(publication: Mapping[str, Any], edition: str, variant: str = "screen") -> str:
    """Path of a book from the site root: ``pdf/prirucnik-sr-latn.pdf``."""
    return f"{PDF_FOLDER}/{pdf_stem(publication, edition, variant)}.pdf"


def chapter_anchor(path: str) -> str:
    """Id of a chapter in its book: 'prirucnik/mapiranje.md' -> 'ch-mapiranje'."""
    parts = path[:-3].split("/")[1:] if "/" in path else [path[:-3]]
    return "ch-" + re.sub(r"[^a-z0-9-]+", "-", "-".join(parts).lower()).strip("-")


def normalise_url(url: str) -> str:
    """A page URL as a key: no leading '/', no 'index.html', directories end with '/'."""
    url = url.lstrip("/")
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    return url


@cache
def ui_strings() -> Mapping[str, Mapping[str, str]]:
    return yaml.safe_load(UI_STRINGS.read_text(encoding="utf-8"))


def ui(key: str, lang: str) -> str:
    strings = ui_strings()
    if key not in strings:
        raise KeyError(f"UI string {key!r} is missing from kgo/books/templates/pdf_ui.yaml")
    return t(strings[key], lang)
