"""Check the external links of the built site and write a Markdown report.

Run weekly by .github/workflows/links.yml, which puts the report into one issue; a dead link on
somebody else's site must not block an editor's pull request, so this never runs in pull requests.
Standard library only (urllib): HEAD first, GET when a server refuses HEAD; a timeout per request;
a few requests at a time; every URL checked once however many pages use it.

    python3 tools/check_links.py site --output links-report.md

The exit status is 0 whether links are broken or not (``--strict``: 1 when any is broken). With
``$GITHUB_OUTPUT`` set, ``problems=N`` (broken plus unreachable links) is written there.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Neispravne spoljne veze / Broken external links"
USER_AGENT = "kreativni-gradovi-link-check/1.0 (+https://github.com/kreativni-gradovi/handbook)"
TIMEOUT = 20  # seconds per request
WORKERS = 4  # requests at a time: small, to be polite to the (often small) sites we cite
# Statuses after which a GET is tried: servers that refuse or mishandle HEAD.
RETRY_WITH_GET = {400, 403, 404, 405, 406, 429, 500, 501, 502, 503}
# Statuses that say the page is gone; anything else that fails is "could not check" (try later).
BROKEN = {400, 404, 410}


# --- collecting -----------------------------------------------------------------------------------


# The attribute that holds the address, per element.
_ATTRIBUTE = {"a": "href", "area": "href", "img": "src", "iframe": "src", "source": "src", "script": "src"}


class _Links(HTMLParser):
    """href of every <a> and <area>, and src of every <img>, <iframe>, <source>, <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = _ATTRIBUTE.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value.strip())


def links_in_html(html: str) -> list[str]:
    """External http(s) URLs of a page, without #fragments, in order of appearance."""
    parser = _Links()
    parser.feed(html)
    found = []
    for url in parser.urls:
        url = urldefrag(url).url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            found.append(url)
    return found


def page_url(site: Path, path: Path) -> str:
    """'site/en/mreza/index.html' -> '/en/mreza/'."""
    relative = path.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def collect(site: Path, ignore: Iterable[str] = ()) -> dict[str, list[str]]:
    """{external URL: pages that link to it}, every URL once, ignoring URLs that start with ``ignore``."""
    prefixes = tuple(ignore)
    found: dict[str, set[str]] = {}
    for path in sorted(site.rglob("*.html")):
        page = page_url(site, path)
        for url in links_in_html(path.read_text(encoding="utf-8", errors="replace")):
            if prefixes and url.startswith(prefixes):
                continue
            found.setdefault(url, set()).add(page)
    return {url: sorted(pages) for url, pages in sorted(found.items())}


# --- checking -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None  # HTTP status of the last answer, None when there was none
    reason: str  # what went wrong, "" when fine

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400

    @property
    def broken(self) -> bool:
        """The site answered that the page is not there (or a name that does not resolve)."""
        return (self.status in BROKEN) or self.reason.startswith("no such host")


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        if method == "GET":
            response.read(1024)
        return response.status


def fetch(url: str, timeout: float = TIMEOUT) -> Result:
    """Check one URL: HEAD, then GET if the server refused HEAD or failed."""
    result = Result(url, None, "")
    for method in ("HEAD", "GET"):
        try:
            return Result(url, _request(url, method, timeout), "")
        except urllib.error.HTTPError as exc:
            result = Result(url, exc.code, f"HTTP {exc.code} {exc.reason}")
            if exc.code not in RETRY_WITH_GET:
                return result
        except urllib.error.URLError as exc:
            reason = str(exc.reason)
            if "Name or service not known" in reason or "nodename nor servname" in reason:
                return Result(url, None, f"no such host ({reason})")
            result = Result(url, None, reason)
        except (TimeoutError, OSError, ValueError) as exc:
            result = Result(url, None, str(exc) or type(exc).__name__)
    return result


def check(urls: Iterable[str], fetcher: Callable[[str], Result] = fetch, workers: int = WORKERS) -> list[Result]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetcher, sorted(set(urls))))


# --- reporting ------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report(results: Iterable[Result], pages: Mapping[str, list[str]], site_url: str = "",
           when: datetime | None = None) -> str:
    """The Markdown body of the issue: broken links first, then links that could not be checked."""
    results = list(results)
    when = when or datetime.now(UTC)
    base = site_url.rstrip("/")
    broken = [r for r in results if not r.ok and r.broken]
    unsure = [r for r in results if not r.ok and not r.broken]
    lines = [
        f"Provera spoljnih veza / External link check: {when:%Y-%m-%d %H:%M} UTC",
        "",
        f"- Proverenih adresa / Addresses checked: {len(results)}",
        f"- Neispravnih / Broken: {len(broken)}",
        f"- Nije moguće proveriti / Could not be checked: {len(unsure)}",
        "",
    ]

    def table(heading: str, rows: list[Result], advice: str) -> None:
        lines.extend([f"## {heading}", "", advice, "", "| Adresa / Address | Odgovor / Answer | Stranice / Pages |",
                      "|---|---|---|"])
        for row in rows:
            links = ", ".join(f"[{p}]({base}{p})" if base else f"`{p}`" for p in pages.get(row.url, []))
            lines.append(f"| <{row.url}> | {_cell(row.reason or str(row.status))} | {links} |")
        lines.append("")

    if broken:
        table("Neispravne veze / Broken links", broken,
              "Ispravite adresu na stranici ili u `data/` (polje `url` izvora), ili uklonite vezu. / "
              "Correct the address on the page or in `data/` (a source's `url`), or remove the link.")
    if unsure:
        table("Nije moguće proveriti / Could not be checked", unsure,
              "Sajt nije odgovorio ili je odbio proveru; otvorite adresu u pregledaču. / "
              "The site did not answer or refused the check; open the address in a browser.")
    if not broken and not unsure:
        lines.append("Sve spoljne veze rade. / Every external link works.")
        lines.append("")
    return "\n".join(lines)


def setting(name: str, text: str) -> str:
    """A top-level ``name: value`` of mkdocs.yml ``text``, including ``!ENV [VARIABLE, default]``
    values (read with the standard library: the workflow runs this script outside the virtualenv)."""
    match = re.search(rf"^{name}:[ \t]*(.*?)[ \t]*(?:#.*)?$", text, re.MULTILINE)
    if not match:
        return ""
    value = match[1]
    env = re.fullmatch(r"!ENV\s*\[\s*(\w+)\s*(?:,\s*(.*?)\s*)?\]", value)
    if env:
        value = os.environ.get(env[1]) or (env[2] or "")
    value = value.strip("\"'")
    return "" if value in ("null", "~") else value


def main(argv: list[str] | None = None) -> int:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") if (ROOT / "mkdocs.yml").exists() else ""
    site_url, repo_url, edit_uri = (setting(name, config) for name in ("site_url", "repo_url", "edit_uri"))
    parser = argparse.ArgumentParser(prog="tools/check_links.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("--output", type=Path, help="write the Markdown report here (default: stdout only)")
    parser.add_argument("--ignore", action="append", default=[], metavar="PREFIX",
                        help="skip URLs that start with PREFIX (the site itself and its edit links always)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a link is broken")
    args = parser.parse_args(argv)

    ignore = list(args.ignore)
    if site_url:
        ignore.append(site_url)  # our own pages: the strict build already checks those
    if repo_url and edit_uri:
        ignore.append(f"{repo_url.rstrip('/')}/{edit_uri}")  # "edit this page": tests/build/test_edit_links.py
    pages = collect(args.site, ignore)
    results = check(pages, lambda url: fetch(url, args.timeout))
    text = report(results, pages, site_url)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    problems = sum(not r.ok for r in results)
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
            out.write(f"problems={problems}\n")
    return 1 if args.strict and any(r.broken for r in results if not r.ok) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
