"""The publication manifest (data/publications.yaml): the one list of publications and chapters
that the navigation, the books and the downloads page read, and its check against docs/."""

from __future__ import annotations

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
