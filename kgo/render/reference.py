"""Small helpers the renderers of reference data share: Serbian alphabetical order, safe links,
sources written for the edition, numbered source notes below a table, a dataset's records."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from kgo.text import dataset_label, fmt_date, t

# Serbian alphabetical order (Latin: abeceda; Cyrillic: azbuka); digraphs are single letters.
_LATIN = ["a", "b", "c", "č", "ć", "d", "dž", "đ", "e", "f", "g", "h", "i", "j", "k", "l", "lj", "m",
          "n", "nj", "o", "p", "q", "r", "s", "š", "t", "u", "v", "w", "x", "y", "z", "ž"]
_CYRILLIC = list("абвгдђежзијклљмнњопрстћуфхцчџш")
_LATIN_RANK = {letter: i for i, letter in enumerate(_LATIN)}
_CYRILLIC_RANK = {letter: i for i, letter in enumerate(_CYRILLIC)}


def sort_key(text: str, lang: str) -> tuple:
    """Collation key for alphabetical lists: Serbian order for sr/cyr, plain order for en."""
    s = text.casefold()
    if lang == "en":
        folded = unicodedata.normalize("NFKD", s)
        return tuple(c for c in folded if not unicodedata.combining(c)), s
    key: list[tuple[int, int]] = []
    i = 0
    while i < len(s):
        two, one = s[i:i + 2], s[i]
        if lang == "sr" and two in _LATIN_RANK:
            key.append((1, _LATIN_RANK[two]))
            i += 2
            continue
        if lang == "cyr" and one in _CYRILLIC_RANK:
            key.append((1, _CYRILLIC_RANK[one]))
        elif one in _LATIN_RANK:
            key.append((1 if lang == "sr" else 2, _LATIN_RANK[one]))
        elif one.isdigit():
            key.append((0, ord(one)))
        else:  # spaces and punctuation sort first and do not break ties between words
            key.append((0, 0))
        i += 1
    return tuple(key), s


def safe_url(url: str | None) -> str:
    """Only http(s) addresses become links; anything else (javascript:, data:) is dropped."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return ""


def source_view(source: Mapping[str, Any], lang: str) -> dict[str, str]:
    """A common.schema.json source ready for a template (date written for the edition)."""
    return {
        "title": source["title"],
        "publisher": source["publisher"],
        "url": safe_url(source.get("url")),
        "date": fmt_date(source["date"], lang),
        "accessed": fmt_date(source["accessed"], lang) if source.get("accessed") else "",
    }


label = dataset_label  # the shared helper; kept under the name the renderers use


class Notes:
    """Numbered notes below a table: one per distinct (source, note, secondary) combination."""

    def __init__(self, prefix: str, lang: str, secondary_text: str = ""):
        self.prefix = prefix
        self.lang = lang
        self.secondary_text = secondary_text
        self.items: list[dict[str, Any]] = []
        self._index: dict[tuple, int] = {}

    def add(self, source: Mapping[str, Any], note: Any = None, secondary: bool = False) -> dict[str, str]:
        key = (source.get("title"), source.get("url"), t(note, self.lang) if note else "", bool(secondary))
        if key not in self._index:
            self._index[key] = len(self.items) + 1
            self.items.append({
                "number": self._index[key],
                "id": f"{self.prefix}-{self._index[key]}",
                "source": source_view(source, self.lang),
                "note": t(note, self.lang) if note else "",
                "secondary": self.secondary_text if secondary else "",
            })
        n = self._index[key]
        return {"number": str(n), "id": f"{self.prefix}-{n}"}


def records(ctx: Any, dataset: str, key: str) -> Sequence[Mapping[str, Any]]:
    """The list ``key`` of ``data/DATASET.yaml``, with a clear error when the file is missing."""
    if dataset not in ctx.data:
        raise KeyError(f"marker needs data/{dataset}.yaml, which was not loaded")
    return ctx.data[dataset].get(key, [])
