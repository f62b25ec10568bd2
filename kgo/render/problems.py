"""In a preview, a rebuild that found problems shows them in the browser, on the page the editor is
looking at, instead of stopping with the message only in the terminal."""

from __future__ import annotations

from collections.abc import Iterable


def problems_page(problems: Iterable[str], page: str) -> str:
    """Markdown of the page that lists every problem of the rebuild (file:line first)."""
    items = "\n".join(f"    - `{problem}`" for problem in problems)
    return (
        "# Izmena nije prikazana · The change is not shown\n\n"
        '!!! failure "Greška u izvorima · A problem in the sources"\n'
        "    Pregled je zadržao ovu poruku umesto stranice dok se greške ne isprave; posle čuvanja ispravke "
        "stranica se sama osvežava.\n    The preview shows this message instead of the page until the "
        "problems are fixed; it reloads by itself when you save the fix.\n\n"
        f"    Stranica · Page: `{page}`\n\n{items}\n"
    )
