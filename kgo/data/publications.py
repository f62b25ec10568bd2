"""The publication manifest (data/publications.yaml): the one list of publications and chapters
that the navigation, the books and the downloads page read, and its check against docs/."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kgo.editions.model import WRITTEN


def publications(datasets: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Publications in their order, from the loaded (checked) datasets."""
    return sorted(datasets["publications"]["publications"], key=lambda p: p["order"])


def nav_sections(datasets: Mapping[str, Any]) -> list[dict[str, list[str]]]:
    """MkDocs nav entries: a section per publication titled with its Serbian short title."""
    return [
        {pub["short_title"]["sr"]: [f"{pub['folder']}/{chapter}" for chapter in pub["chapters"]]}
        for pub in publications(datasets)
    ]


def chapters_exist(datasets: Mapping[str, Any], docs: Path) -> Iterable[str]:
    """Every chapter listed in the manifest exists in every written language; index.md comes first."""
    for i, pub in enumerate(datasets["publications"]["publications"]):
        if pub["chapters"][0] != "index.md":
            yield f"publications[{i}].chapters: the first chapter must be index.md"
        for j, chapter in enumerate(pub["chapters"]):
            for lang in WRITTEN:
                if not (docs / lang / pub["folder"] / chapter).exists():
                    yield (f"publications[{i}].chapters[{j}]: docs/{lang}/{pub['folder']}/{chapter} "
                           "does not exist; create it or remove it from the list")


def nav_pages(nav: Any) -> set[str]:
    """Every page path named in a MkDocs nav (strings inside lists and sections)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, Mapping):
        return set().union(*(nav_pages(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_pages(item) for item in nav)) if nav else set()
    return set()


def unlisted_pages(pages: Iterable[str], nav: Any, not_in_nav: Iterable[str],
                   datasets: Mapping[str, Any]) -> list[str]:
    """Pages of the master text in no menu, each with the file that lists it: the manifest for a
    publication's folder, mkdocs.yml for a site page."""
    listed, hidden = nav_pages(nav), set(not_in_nav)
    folders = {pub["folder"]: pub for pub in publications(datasets)}
    problems = []
    for page in sorted(pages):
        if page in listed or page in hidden:
            continue
        folder = page.split("/", 1)[0] if "/" in page else ""
        if folder in folders:
            problems.append(f"docs/sr/{page} is not a chapter of publication '{folders[folder]['id']}': add "
                            f"'{page.split('/', 1)[1]}' to its chapters in data/publications.yaml")
        else:
            problems.append(f"docs/sr/{page} is in no menu: add it to nav: in mkdocs.yml "
                            "(or to not_in_nav: there, if it must stay out of the menu)")
    return problems


_CHAPTER_LINK = re.compile(r"^\s*(?:\|\s*|\d+\.\s+)\[[^\]]+\]\(([a-z0-9-]+\.md)\)")


def chapter_list_problems(markdown: str, chapters: list[str], file: str) -> list[str]:
    """A publication's introduction lists its chapters by hand (a table or a numbered list whose
    lines start with a link to a chapter): it must name every chapter of the manifest, in order."""
    runs: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(markdown.splitlines(), 1):
        match = _CHAPTER_LINK.match(line)
        if match:
            runs[-1].append((number, match.group(1)))
        elif runs[-1] and not line.strip().startswith("|"):
            runs.append([])
    expected = [chapter for chapter in chapters if chapter != "index.md"]
    problems = []
    for run in runs:
        listed = [target for _, target in run]
        if len(listed) < max(3, len(expected) // 2) or not set(listed) <= set(chapters):
            continue  # not the chapter list (a table of a few cross-references)
        if listed != expected:
            missing = [c for c in expected if c not in listed]
            problems.append(f"{file}:{run[0][0]}: the chapter list does not follow data/publications.yaml"
                            + (f" (missing: {', '.join(missing)})" if missing else " (another order)")
                            + f"; list the chapters in the manifest's order: {', '.join(expected)}")
    return problems


def chapter_lists(docs: Path, datasets: Mapping[str, Any]) -> list[str]:
    """:func:`chapter_list_problems` of every publication's introduction in every written language."""
    problems = []
    for pub in publications(datasets):
        for lang in WRITTEN:
            path = docs / lang / pub["folder"] / "index.md"
            if path.exists():
                problems += chapter_list_problems(path.read_text(encoding="utf-8"), pub["chapters"],
                                                  f"docs/{lang}/{pub['folder']}/index.md")
    return problems
