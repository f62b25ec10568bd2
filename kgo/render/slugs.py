"""Heading anchors: ASCII, and the same in every edition of a page.

A heading without an explicit ``{#anchor}`` gets its anchor from its text; Cyrillic and Latin
letters with diacritics are folded to plain ASCII first, so "Mreža" and "Мрежа" both give "mreza".
"""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = dict(zip("абвгдђежзијклљмнњопрстћуфхцчџш",
                     ["a", "b", "v", "g", "d", "dj", "e", "z", "z", "i", "j", "k", "l", "lj", "m", "n", "nj",
                      "o", "p", "r", "s", "t", "c", "u", "f", "h", "c", "c", "dz", "s"], strict=True))


def fold(text: str) -> str:
    """Lower-case ASCII: Cyrillic to Latin, diacritics dropped, đ to dj."""
    out = []
    for char in text.lower():
        char = _CYRILLIC.get(char, char)
        out.append("dj" if char == "đ" else char)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slugify(value: str, separator: str) -> str:
    """Python-Markdown's toc ``slugify`` signature; HTML tags in the heading are ignored."""
    text = re.sub(r"<[^>]+>", "", value)
    return re.sub(r"[^a-z0-9]+", separator, fold(text)).strip(separator)
