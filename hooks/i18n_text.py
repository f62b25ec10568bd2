"""Language-aware helpers shared by every renderer: pick a text, format a number.

The editions are identified by a short code: "sr" (Serbian Latin, the master), "cyr" (Serbian
Cyrillic, generated from "sr") and "en" (English). Data files hold "sr" and "en" texts and may
hold a "cyr" override (e.g. an official Cyrillic name); otherwise Cyrillic is transliterated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EDITIONS = ("sr", "cyr", "en")

# Digit grouping and decimal mark per edition (Serbian: 49.601 and 1.232,5).
_SEPARATORS = {"sr": (".", ","), "cyr": (".", ","), "en": (",", ".")}


def t(text: Mapping[str, str] | str | None, lang: str) -> str:
    """Return ``text`` in the edition ``lang``; plain strings are the same in every edition."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang == "cyr":
        if text.get("cyr"):
            return text["cyr"]
        from hooks.cyrillic import transliterate

        return transliterate(text["sr"])
    return text["en" if lang == "en" else "sr"]


def fmt_number(value: float | int | None, lang: str, decimals: int = 0) -> str:
    """Format a number with the edition's grouping and decimal marks; ``None`` gives ''."""
    if value is None:
        return ""
    group, point = _SEPARATORS[lang]
    formatted = f"{value:,.{decimals}f}"
    return formatted.replace(",", "\0").replace(".", point).replace("\0", group)


def script_lang(lang: str) -> str:
    """BCP 47 tag of an edition, for lang attributes (plain "sr" does not say the script)."""
    return {"sr": "sr-Latn", "cyr": "sr-Cyrl", "en": "en"}[lang]


def dataset_label(document: Mapping[str, Any], key: str, lang: str, **values: Any) -> str:
    """A UI word kept in a dataset's ``labels`` block, in the edition's language.

    ``{name}`` placeholders are filled before transliteration, so numbers and names stay intact.
    """
    labels = document.get("labels", {})
    if key not in labels:
        raise KeyError(f"label {key!r} is missing from the dataset's 'labels' block")
    text = labels[key]
    if values:
        text = {k: v.format(**values) for k, v in text.items()}
    return t(text, lang)
