"""The notice on an English page whose Serbian original changed after it (translation drift).

Which pages lag is decided by :func:`kgo.checks.i18n_status.outdated` from the git history
(committed changes only); a build asks once.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from kgo.checks.i18n_status import DOCS, outdated

MONTHS = ("January February March April May June July August September October November December").split()

def _git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def lagging(docs: Path = DOCS) -> dict[str, str]:
    """{page path: ISO date of the last change of its Serbian original} for lagging English pages."""
    return {page: _git("log", "-1", "--format=%cs", "--", str(docs / "sr" / page), cwd=docs)
            for page, _, _ in outdated(docs)}


def english_date(iso: str) -> str:
    """'2016-06-18' -> '18 June 2016' (no locale needed)."""
    day = date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def serbian_href(page_url: str, edition_root: str, site_url: str = "") -> str:
    """Link from an English page to the same page in the Serbian (Latin) edition.

    ``en/prirucnik/mapiranje/`` -> ``../../../prirucnik/mapiranje/``: relative, so it works on any
    host. When only the English edition is built (``make serve EDITION=en``) its pages sit at the
    root and there is no Serbian page beside them: the link then goes to the published site, or
    is empty when the site URL is not set.
    """
    if edition_root and not page_url.startswith(edition_root):
        return site_url.rstrip("/") + "/" + page_url if site_url else ""
    return "../" * page_url.count("/") + page_url.removeprefix(edition_root)


def notice(href: str, changed: str) -> str:
    """The warning admonition (Markdown; the link is HTML so that MkDocs does not try to resolve a
    page of another language)."""
    when = f" on {english_date(changed)}" if changed else ""
    version = (f'<a href="{href}" hreflang="sr-Latn" lang="sr-Latn">Serbian version</a>' if href
               else "Serbian version")
    return (
        '!!! warning "This translation may be out of date"\n'
        f"    The Serbian original of this page changed{when}, after this English text was last updated; "
        f"see the {version}.\n"
    )


def add_notice(markdown: str, text: str) -> str:
    """Put ``text`` right under the page's '# Title' (or at the top when the page starts otherwise)."""
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if line.startswith("# "):
            return "".join(lines[: index + 1]) + "\n" + text + "\n" + "".join(lines[index + 1:])
        break
    return text + "\n" + markdown
