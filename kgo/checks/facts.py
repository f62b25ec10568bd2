"""The facts register (`make facts`): which sourced facts in data/ are due for a new check.

A *fact* is any value in data/*.yaml that carries a source (a mapping with ``title`` and
``publisher``, under ``source:`` or in a ``sources:`` list); the reusable definitions in a
top-level ``sources:`` block count only where a fact uses them. The register lists

* facts whose source was last checked more than a year ago: its ``accessed`` date, or its ``date``
  when it has no ``accessed`` (a year or a month counts as its last day, so only what is surely
  older than a year is listed);
* facts whose source says nothing about when it was checked (no ``accessed``);
* with ``--online``: source addresses that no longer answer (HEAD, then GET, a short timeout, a
  few at a time). A network failure is reported, never an error: the check runs offline and in CI.

``python -m kgo.checks.facts [--online] [--strict] [--today YYYY-MM-DD]`` prints the register; the
exit status is 0 unless ``--strict`` is given and a fact is due or a source is gone (404/410).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kgo.data.loader import line_of, node_lines
from kgo.project import ROOT

MAX_AGE_DAYS = 365
TIMEOUT = 10.0   # seconds per request
WORKERS = 4      # requests at a time
USER_AGENT = "kgo-facts/1 (source check of the Kreativni gradovi i opstine Srbije publication)"
GONE = (404, 410)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Fact:
    file: str                  # data/NAME.yaml
    line: int
    path: str                  # municipalities[nis].population_2022
    source: Mapping[str, Any]

    @property
    def checked(self) -> str | None:
        """The date the source was checked, else its date, else None."""
        return self.source.get("accessed") or self.source.get("date")

    @property
    def never_checked(self) -> bool:
        return not self.source.get("accessed")


@dataclass(frozen=True)
class UrlResult:
    url: str
    status: int | None         # the HTTP status, None when nothing answered
    reason: str = ""

    @property
    def kind(self) -> str:
        if self.status is None:
            return "no answer"
        if self.status in GONE:
            return "gone"
        return "error" if self.status >= 400 else "ok"


# --- collecting the facts -----------------------------------------------------------------------

def is_source(value: Any) -> bool:
    return isinstance(value, Mapping) and isinstance(value.get("title"), str) and "publisher" in value


def _walk(value: Any, path: tuple) -> Iterator[tuple[tuple, Mapping[str, Any]]]:
    if is_source(value):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _fact_path(document: Any, path: tuple) -> str:
    """'municipalities[0].population_2022.source' -> 'municipalities[nis].population_2022' (the
    fact a source supports; a list item is named by its id when it has one)."""
    parts, node = [], document
    for part in path:
        node = node[part]
        if isinstance(part, int):
            label = node.get("id", part) if isinstance(node, Mapping) else part
            parts.append(f"[{label}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    text = "".join(parts)
    return text.removesuffix(".source") or text


def facts_of(text: str, file: str) -> list[Fact]:
    """Every sourced fact of one YAML document."""
    node = yaml.compose(text, Loader=_LOADER)
    document = yaml.load(text, Loader=_LOADER)
    if node is None or not isinstance(document, Mapping):
        return []
    lines = node_lines(node)
    found = []
    for key, value in document.items():
        if key == "sources" and isinstance(value, Mapping):
            continue  # definitions for YAML anchors: a fact is where one is used
        for path, source in _walk(value, (key,)):
            found.append(Fact(file, line_of(lines, path), _fact_path(document, path), source))
    return found


def collect(data_dir: Path = ROOT / "data") -> list[Fact]:
    found = []
    for path in sorted(data_dir.glob("*.yaml")):
        found += facts_of(path.read_text(encoding="utf-8"), f"data/{path.name}")
    return found


# --- dates --------------------------------------------------------------------------------------

def last_day(value: Any) -> dt.date | None:
    """'2024' -> 2024-12-31, '2024-05' -> 2024-05-31, '2024-05-03' -> itself; None if unreadable."""
    if isinstance(value, dt.date):
        return value
    try:
        bits = [int(b) for b in str(value).split("-")]
        if len(bits) == 1:
            return dt.date(bits[0], 12, 31)
        if len(bits) == 2:
            return dt.date(bits[0], bits[1], calendar.monthrange(bits[0], bits[1])[1])
        return dt.date(bits[0], bits[1], bits[2])
    except (ValueError, IndexError):
        return None


def due(facts: Iterable[Fact], today: dt.date) -> tuple[list[Fact], list[Fact]]:
    """(checked more than a year ago, no date of checking) — each fact in one list only."""
    cutoff = today - dt.timedelta(days=MAX_AGE_DAYS)
    stale, unchecked = [], []
    for fact in facts:
        checked = last_day(fact.checked) if fact.checked else None
        if checked is not None and checked < cutoff:
            stale.append(fact)
        elif checked is None or fact.never_checked:
            unchecked.append(fact)
    return stale, unchecked


# --- the addresses ------------------------------------------------------------------------------

def fetch(url: str, timeout: float = TIMEOUT) -> UrlResult:
    """HEAD the address, then GET when HEAD is refused; a failure to connect is a result too."""
    if not url.lower().startswith(("http://", "https://")):
        return UrlResult(url, None, "not an http(s) address")
    status = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # only http(s) reach here
                if method == "GET":
                    response.read(1024)
                return UrlResult(url, response.status)
        except urllib.error.HTTPError as error:
            status = error.code
            if method == "GET" or error.code in GONE:
                return UrlResult(url, status, str(error.reason))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            if method == "GET" or status is None:
                reason = getattr(error, "reason", error)
                return UrlResult(url, status, f"{type(error).__name__}: {reason}")
    return UrlResult(url, status)


def check_urls(urls: Iterable[str], fetcher: Callable[[str], UrlResult] = fetch,
               workers: int = WORKERS) -> list[UrlResult]:
    """Every distinct http(s) address, a few at a time; results in the order of the addresses."""
    unique = sorted({u for u in urls if u and u.lower().startswith(("http://", "https://"))})

    def safe(url: str) -> UrlResult:
        try:
            return fetcher(url)
        except Exception as error:  # a checker never stops on one address
            return UrlResult(url, None, f"{type(error).__name__}: {error}")

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(safe, unique))


# --- the report ---------------------------------------------------------------------------------

def _by_source(facts: Sequence[Fact]) -> dict[tuple, list[Fact]]:
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        groups.setdefault((fact.source["title"], fact.source.get("url", "")), []).append(fact)
    return groups


def _section(title: str, facts: Sequence[Fact], hint: str) -> list[str]:
    groups = _by_source(facts)
    out = [f"{title}: {len(facts)} fact(s), {len(groups)} source(s){' — ' + hint if facts else ''}"]
    for group in groups.values():
        source = group[0].source
        when = (f"accessed {source['accessed']}" if source.get("accessed")
                else f"date {source.get('date', '?')}, never checked (no accessed)")
        out.append(f"  \"{source['title']}\" ({source['publisher']}), {when}"
                   + (f"\n    {source['url']}" if source.get("url") else ""))
        out += [f"    {f.file}:{f.line}: {f.path}" for f in group]
    return out


def report(facts: Sequence[Fact], today: dt.date, urls: Sequence[UrlResult] | None = None) -> str:
    stale, unchecked = due(facts, today)
    cutoff = today - dt.timedelta(days=MAX_AGE_DAYS)
    lines = [f"Facts register: {len(facts)} sourced fact(s) in data/, {len(_by_source(facts))} source(s); "
             f"today {today.isoformat()}, due when last checked before {cutoff.isoformat()}.", ""]
    lines += _section("Checked more than a year ago", stale,
                      "check each source again, then set its accessed date (and the fact, if it changed)")
    lines += [""] + _section("No date of checking", unchecked,
                             "check the source and add accessed: \"YYYY-MM-DD\"")
    if urls is not None:
        bad = [r for r in urls if r.kind != "ok"]
        lines += ["", f"Source addresses: {len(urls)} checked, {len(bad)} did not answer with a page"
                  " (a network failure is reported here, never an error)"]
        for kind in ("gone", "error", "no answer"):
            for result in (r for r in bad if r.kind == kind):
                said = [f"HTTP {result.status}"] if result.status else []
                said += [result.reason] if result.reason else []
                lines.append(f"  {kind}: {result.url}" + (f" — {': '.join(said)}" if said else ""))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgo.checks.facts", description=__doc__.split("\n")[0])
    parser.add_argument("--online", action="store_true", help="also try every source address")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a fact is due or a source address is gone (404/410)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), metavar="YYYY-MM-DD")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per request")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    facts = collect(args.data)
    urls = None
    if args.online:
        urls = check_urls((f.source.get("url", "") for f in facts), lambda u: fetch(u, args.timeout))
    print(report(facts, args.today, urls))
    stale, unchecked = due(facts, args.today)
    gone = [r for r in urls or [] if r.kind == "gone"]
    return 1 if args.strict and (stale or unchecked or gone) else 0


if __name__ == "__main__":
    sys.exit(main())
