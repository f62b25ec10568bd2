"""The text of an edition: pick a language from a bilingual value, format numbers and dates.

The editions are identified by a short code: "sr" (Serbian Latin, the master), "cyr" (Serbian
Cyrillic, generated from "sr") and "en" (English). Data files hold "sr" and "en" texts and may
hold a "cyr" override (e.g. an official Cyrillic name); otherwise Cyrillic is transliterated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.cyrillic import transliterate
from kgo.editions.model import edition


def t(text: Mapping[str, str] | str | None, lang: str) -> str:
    """Return ``text`` in the edition ``lang``; plain strings are the same in every edition."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang == "cyr":
        if text.get("cyr"):
            return text["cyr"]
        return transliterate(text["sr"])
    return text["en" if lang == "en" else "sr"]


def fmt_number(value: float | int | None, lang: str, decimals: int = 0) -> str:
    """Format a number with the edition's grouping and decimal marks; ``None`` gives ''."""
    if value is None:
        return ""
    group, point = edition(lang).group, edition(lang).decimal
    formatted = f"{value:,.{decimals}f}"
    return formatted.replace(",", "\0").replace(".", point).replace("\0", group)


def script_lang(lang: str) -> str:
    """BCP 47 tag of an edition, for lang attributes (plain "sr" does not say the script)."""
    return edition(lang).lang


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


# --- dates: the Serbian way ("6. novembra 2015.") or the English way ("6 November 2015") ---------

# Month names: genitive after a day ("6. novembra"), nominative with a year only ("mart 2016.").
MONTHS_GEN = ("januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta",
               "septembra", "oktobra", "novembra", "decembra")
MONTHS_NOM = ("januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust", "septembar",
               "oktobar", "novembar", "decembar")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    bits = [int(b) for b in str(iso).split("-")]
    return bits[0], (bits[1] if len(bits) > 1 else None), (bits[2] if len(bits) > 2 else None)


def fmt_date(iso: str, lang: str) -> str:
    """'2015-11-06' -> '6. novembra 2015.' (sr) / '6 November 2015' (en); 'YYYY-MM' and 'YYYY' too."""
    year, month, day = _parts(iso)
    if month is None:
        text = {"sr": f"{year}.", "en": f"{year}"}
    elif day is None:
        text = {"sr": f"{MONTHS_NOM[month - 1]} {year}.", "en": f"{MONTHS_EN[month - 1]} {year}"}
    else:
        text = {"sr": f"{day}. {MONTHS_GEN[month - 1]} {year}.",
                "en": f"{day} {MONTHS_EN[month - 1]} {year}"}
    return t(text, lang)


def fmt_period(start: str, end: str, lang: str) -> str:
    """A span of days: '16–18. juna 2016.' / '16–18 June 2016'; one day is a plain date."""
    if start == end:
        return fmt_date(start, lang)
    (y1, m1, d1), (y2, m2, d2) = _parts(start), _parts(end)
    if y1 == y2 and m1 == m2:
        text = {"sr": f"{d1}–{d2}. {MONTHS_GEN[m2 - 1]} {y2}.",
                "en": f"{d1}–{d2} {MONTHS_EN[m2 - 1]} {y2}"}
        return t(text, lang)
    return f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"
