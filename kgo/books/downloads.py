"""The downloads page: the pages and size of every book, written in after the books are made."""

from __future__ import annotations

import re
from collections.abc import Mapping

from kgo.text import fmt_number

# --- the downloads page -----------------------------------------------------------------------

def format_size(size: int, lang: str) -> str:
    """'1,2 MB' / '1.2 MB', '830 kB' (SI units, the edition's decimal mark)."""
    if size >= 1_000_000:
        return f"{fmt_number(size / 1_000_000, lang, 1)}\u00a0MB"
    return f"{fmt_number(max(1, round(size / 1000)), lang)}\u00a0kB"


_PLACEHOLDER_RE = re.compile(r"<span\b(?P<attrs>[^>]*\bdata-pdf=[^>]*)>(?P<body>.*?)</span>", re.S)
_ATTR_RE = re.compile(r'\b(data-pdf|data-field)="([^"]*)"')


def fill_download_stats(html: str, stats: Mapping[str, Mapping[str, int]], lang: str) -> str:
    """Fill ``<span data-pdf="STEM" data-field="pages|size">`` with the built books' numbers.

    ``stats`` maps the file stem (``prirucnik-en-print``) to ``{"pages": n, "bytes": n}``. A
    placeholder for a book that was not built is an error: the page would show an empty cell.
    """
    missing: list[str] = []

    def fill(match: re.Match) -> str:
        attrs = dict(_ATTR_RE.findall(match["attrs"]))
        stem, what = attrs.get("data-pdf", ""), attrs.get("data-field", "")
        if stem not in stats:
            missing.append(stem)
            return match.group(0)
        if what == "pages":
            value = fmt_number(stats[stem]["pages"], lang)
        elif what in ("size", "bytes"):
            value = format_size(stats[stem]["bytes"], lang)
        else:
            raise ValueError(f"unknown data-field {what!r} for {stem}; use pages or size")
        return f"<span{match['attrs']}>{value}</span>"

    out = _PLACEHOLDER_RE.sub(fill, html)
    if missing:
        raise ValueError(f"the downloads page lists books that were not built: {', '.join(sorted(set(missing)))}")
    return out
