"""MkDocs hook: an English page whose Serbian original changed after it shows a notice on top.

Which pages lag is decided by ``hooks.i18n_status.outdated()`` from the git history (committed
changes only), once per build and commit: the three editions and every `mkdocs serve` rebuild at
the same commit reuse the answer. Only the English edition asks.
"""

import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from hooks.i18n_status import DOCS, outdated
from hooks.mkdocs_support import edition, page_path

MONTHS = ("January February March April May June July August September October November December").split()

_cache: dict = {"key": None, "pages": {}}


def _git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def lagging(docs: Path = DOCS) -> dict[str, str]:
    """{page path: ISO date of the last change of its Serbian original} for lagging English pages."""
    key = (str(docs.resolve()), _git("rev-parse", "HEAD", cwd=docs))
    if _cache["key"] != key:
        pages = {}
        for page, _, _ in outdated(docs):
            pages[page] = _git("log", "-1", "--format=%cs", "--", str(docs / "sr" / page), cwd=docs)
        _cache.update(key=key, pages=pages)
    return _cache["pages"]


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


_this_build: dict[str, str] = {}


def on_pre_build(config):
    # Asked once per build, not per page: each question costs a `git` process.
    _this_build.clear()
    if edition(config) == "en":
        _this_build.update(lagging(Path(config.docs_dir) if config.docs_dir else DOCS))


def on_page_markdown(markdown, page, config, files):
    if edition(config) != "en":
        return markdown
    changed = _this_build.get(page_path(page))
    if changed is None:
        return markdown
    href = serbian_href(page.url, config.extra.get("edition_root", ""), config.site_url or "")
    return add_notice(markdown, notice(href, changed))
