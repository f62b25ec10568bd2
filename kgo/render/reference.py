"""Small helpers the renderers of reference data share: Serbian alphabetical order, safe links,
sources written for the edition, numbered source notes below a table, a dataset's records."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from kgo.cyrillic import transliterate
from kgo.cyrillic.letters import MARKER_RE
from kgo.text import fmt_date, script_lang, t

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


def data_text(text: str, text_lang: str, lang: str) -> Markup:
    """A name or title of the data, written in the language ``text_lang``, for the edition ``lang``.

    Serbian ("sr") is transliterated in the Cyrillic edition; ``{lat}…{/lat}`` keeps a foreign part
    of it Latin there (the marks are dropped in every edition). A text in another language stays as
    written, in ``<span lang>`` wherever it is not the language of the page (WCAG 3.1.2): an
    English title on a Serbian page, a Serbian one on an English page.
    """
    if text_lang == "sr":
        shown = transliterate(text) if lang == "cyr" else MARKER_RE.sub("", text)
        tag = script_lang("sr") if lang == "en" else ""
    else:
        shown = MARKER_RE.sub("", text)
        tag = "" if text_lang == lang else text_lang
    if not tag:
        return escape(shown)
    return Markup('<span lang="{}">{}</span>').format(tag, shown)


def source_texts(source: Mapping[str, Any], lang: str) -> dict[str, Markup]:
    """Title and publisher of a common.schema.json source for the edition ``lang``.

    ``lang`` of the source is the language of its title (default Serbian); ``publisher_lang`` that
    of the publisher's name (default: the title's). An English source thus stays Latin in the
    Cyrillic edition; a Serbian one ("Uredba o …", "Vlada Republike Srbije") is written in Cyrillic.
    """
    title_lang = source.get("lang", "sr")
    return {
        "title": data_text(source["title"], title_lang, lang),
        "publisher": data_text(source["publisher"], source.get("publisher_lang", title_lang), lang),
    }


def source_view(source: Mapping[str, Any], lang: str) -> dict[str, str]:
    """A common.schema.json source ready for a template (texts and date written for the edition)."""
    return {
        **source_texts(source, lang),
        "url": safe_url(source.get("url")),
        "date": fmt_date(source["date"], lang),
        "accessed": fmt_date(source["accessed"], lang) if source.get("accessed") else "",
    }


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
