"""House style of the Markdown pages in docs/sr and docs/en (the Markdown lint of `make check`).

Every rule, with why it exists, is in RULES below; the few settings the rules use sit next to them.
A finding reads ``docs/sr/mreza.md:12: [heading-anchor] ...`` and says what to change.
Code (fenced and indented), front matter and HTML comments are not prose and are skipped where a
rule is about prose. The Markdown is read the way the Cyrillic edition reads it (kgo.cyrillic).

``python -m kgo.checks.md_style [FILE ...]`` checks the given pages (default: every page of docs/sr and
docs/en) and exits 1 when anything is found.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kgo.checks.prose import prose
from kgo.cyrillic.markdown import FRONT_MATTER_RE, markdown_blocks
from kgo.project import ROOT

DOCS = ROOT / "docs"
LANGUAGES = ("sr", "en")

# --- configuration ------------------------------------------------------------------------------

# Heading levels that must carry an explicit anchor: ``## Mapiranje {#mapping}``. The sr and en
# pages share these ids (links and the structure check rely on them) and a generated id would
# change with every reworded heading.
ANCHORED_LEVELS = (2, 3)
# Anchor ids: lowercase ASCII words joined by hyphens, the same in both languages.
ANCHOR_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Words that mark unfinished text. Published pages must not contain them (CONTRIBUTING.md, house style).
# Upper-case markers match as written; the phrases match in any case.
UNFINISHED = re.compile(r"\b(?:TODO|TBD|FIXME)\b|(?i:\blorem\b|\bcoming\s+soon\b)")
# A URL in running text: it must be a link ``[text](url)`` or an autolink ``<url>``.
BARE_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]+|\bwww\.[a-z0-9-]+\.[a-z]{2,}[^\s<>\"]*", re.IGNORECASE)

# rule id -> what it enforces. The order is the order of the report.
RULES = {
    # Invisible spaces at line ends make noisy diffs, and two of them are a hidden line break.
    "trailing-space": "no spaces or tabs at the end of a line (for a line break end the line with \\)",
    # Tabs indent differently in every editor; Python-Markdown expects 4 spaces for nesting.
    "tab": "no tab characters; indent with spaces (4 per level in lists and admonitions)",
    # The H1 is the page title in navigation, search, the PDF book and the browser tab.
    "h1": "exactly one '# Title' per page, and it is the first heading",
    # Skipped levels break the table of contents, the PDF outline and screen-reader navigation.
    "heading-level": "heading levels go down one step at a time (## then ###, never ## then ####)",
    # See ANCHORED_LEVELS and ANCHOR_ID; a repeated id makes one of the two headings unreachable.
    "heading-anchor": "every ## and ### heading ends with a unique {#anchor} of lowercase ASCII words and hyphens",
    # A bare address is not a link in every renderer and reads badly; give it a name or <...>.
    "bare-url": "no bare URLs in the text: write [name](https://...) or <https://...>",
    # Editors and git tools expect a final newline; blank lines at the end are noise.
    "final-newline": "the file ends with exactly one newline",
    # See UNFINISHED.
    "unfinished": "no TODO, TBD, FIXME, lorem ipsum or 'coming soon'",
}

# --- the checker --------------------------------------------------------------------------------

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ANCHOR = re.compile(r"\{[^}]*?#([^\s}]+)[^}]*\}[ \t]*#*[ \t]*$")
_CODE_SPAN = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.rule}] {self.message}"


@dataclass(frozen=True)
class Page:
    """A page split into lines, with the lines that are not Markdown text (code, YAML) marked."""

    lines: list[str]
    text_line: list[bool]  # False for front matter, code blocks and multi-line comments
    prose: list[str]  # the prose of each line (everything else blanked)
    source: str


def read_page(source: str) -> Page:
    front = FRONT_MATTER_RE.match(source)
    offset = source[: front.end()].count("\n") if front else 0
    body = source[front.end():] if front else source
    text_line = [False] * offset
    for verbatim, chunk in markdown_blocks(body):
        text_line += [not verbatim] * chunk.count("\n")
    lines = source.split("\n")
    text_line += [True] * (len(lines) - len(text_line))
    return Page(lines, text_line, prose(source)[0].split("\n"), source)


def _trailing_space(page: Page) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(page.lines, start=1):
        if line != line.rstrip(" \t"):
            yield number, "remove the spaces at the end of the line"


def _tab(page: Page) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(page.lines, start=1):
        if "\t" in line:
            yield number, "replace the tab with spaces"


def _headings(page: Page) -> Iterator[tuple[int, int, str]]:
    """(line, level, text) of every ATX heading outside code."""
    for number, (line, is_text) in enumerate(zip(page.lines, page.text_line, strict=False), start=1):
        match = _HEADING.match(line) if is_text else None
        if match:
            yield number, len(match[1]), match[2] or ""


def _h1(page: Page) -> Iterator[tuple[int, str]]:
    headings = list(_headings(page))
    titles = [(number, text) for number, level, text in headings if level == 1]
    if not titles:
        yield 1, "the page has no '# Title'; start it with one"
        return
    if headings[0][1] != 1:
        yield headings[0][0], f"the first heading is h{headings[0][1]}; the page must start with its '# Title'"
    for number, _ in titles[1:]:
        yield number, f"a second '# ' heading (the first is on line {titles[0][0]}); make it '## '"


def _heading_level(page: Page) -> Iterator[tuple[int, str]]:
    previous = 0
    for number, level, _ in _headings(page):
        if previous and level > previous + 1:
            yield number, f"h{level} after h{previous}; use {'#' * (previous + 1)} here"
        previous = level


def _heading_anchor(page: Page) -> Iterator[tuple[int, str]]:
    seen: dict[str, int] = {}
    for number, level, text in _headings(page):
        match = _ANCHOR.search(text)
        if match:
            anchor = match[1]
            if not ANCHOR_ID.fullmatch(anchor):
                yield number, f"anchor '{anchor}': use lowercase ASCII words joined by hyphens, e.g. {{#data-sources}}"
            if anchor in seen:
                yield number, f"anchor '{anchor}' is already used on line {seen[anchor]}; give this heading another"
            seen.setdefault(anchor, number)
        elif level in ANCHORED_LEVELS:
            yield number, "add an anchor at the end of the heading, the same in sr and en: ## Naslov {#english-id}"


def _bare_url(page: Page) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(page.prose, start=1):
        for match in BARE_URL.finditer(line):
            if line[: match.start()].rstrip().endswith("["):
                continue  # the text of a link: [https://example.org](https://example.org)
            url = match.group().rstrip(".,;:!?)”’")
            yield number, f"bare URL {url}: write [name]({url}) or <{url}>"


def _final_newline(page: Page) -> Iterator[tuple[int, str]]:
    text = page.source
    last = len(page.lines)
    if text and not text.endswith("\n"):
        yield last, "add a newline at the end of the file"
    elif text.endswith("\n\n") or text.strip() == "":
        yield last - 1, "remove the blank lines at the end of the file"


def _unfinished(page: Page) -> Iterator[tuple[int, str]]:
    for number, (line, is_text) in enumerate(zip(page.lines, page.text_line, strict=False), start=1):
        if not is_text:
            continue
        match = UNFINISHED.search(_CODE_SPAN.sub("", line))
        if match:
            yield number, f"'{match.group()}' marks unfinished text; finish the text or leave the part out"


CHECKS: dict[str, Callable[[Page], Iterable[tuple[int, str]]]] = {
    "trailing-space": _trailing_space,
    "tab": _tab,
    "h1": _h1,
    "heading-level": _heading_level,
    "heading-anchor": _heading_anchor,
    "bare-url": _bare_url,
    "final-newline": _final_newline,
    "unfinished": _unfinished,
}
assert CHECKS.keys() == RULES.keys(), "every rule has one check and one explanation"


def check_text(source: str, path: str = "<text>", rules: Iterable[str] = RULES) -> list[Violation]:
    """Every style violation of one page's Markdown, sorted by line."""
    page = read_page(source)
    found = [Violation(path, line, rule, message)
             for rule in rules for line, message in CHECKS[rule](page)]
    return sorted(found, key=lambda v: (v.line, list(RULES).index(v.rule)))


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def check_files(paths: Iterable[Path]) -> list[Violation]:
    found = []
    for path in paths:
        found += check_text(path.read_text(encoding="utf-8"), _display(path))
    return found


def pages(docs: Path = DOCS) -> list[Path]:
    return [path for lang in LANGUAGES for path in sorted((docs / lang).rglob("*.md"))]


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    paths = [Path(arg) for arg in argv] if argv else pages()
    found = check_files(paths)
    for violation in found:
        print(violation)
    if found:
        print(f"{len(found)} style problem(s) in {len({v.path for v in found})} file(s). The rules:")
        for rule in sorted({v.rule for v in found}, key=list(RULES).index):
            print(f"  [{rule}] {RULES[rule]}")
        return 1
    print(f"{len(paths)} page(s) follow the house style.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
