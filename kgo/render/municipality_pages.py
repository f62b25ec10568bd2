"""The page files of the local governments: ``docs/LANG/mreza/ID.md``, one per LSG of
data/municipalities.yaml in every language folder, each a title and one marker
``<!-- data: municipalities page id=ID -->`` (the Cyrillic edition follows from docs/sr).

The files are real Markdown pages, so navigation, the translation check, search and the strict build
treat them like any other page; everything on them comes from the data through the marker.

``python -m kgo.render.municipality_pages``           writes the pages that are missing or differ;
``python -m kgo.render.municipality_pages --check``   only lists the problems (exit 1 if any).
Both also list the pages that ``nav:`` of mkdocs.yml does not name (the build stops on a page in no menu).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from kgo.project import ROOT
from kgo.render.renderers.municipalities import lsg_page
from kgo.text import t

LANGUAGES = ("sr", "en")  # the folders of docs/; the Cyrillic edition is made from sr


def page_text(lsg: Mapping[str, Any], lang: str) -> str:
    """The Markdown of an LSG's page: its official name as the title, then the marker."""
    return f"# {t(lsg['name'], lang)}\n\n<!-- data: municipalities page id={lsg['id']} -->\n"


def expected_pages(municipalities: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """{path under docs/: text} of every page the data asks for."""
    return {f"{lang}/{lsg_page(m['id'])}": page_text(m, lang) for m in municipalities for lang in LANGUAGES}


def load_municipalities(root: Path = ROOT) -> list[Mapping[str, Any]]:
    document = yaml.safe_load((root / "data" / "municipalities.yaml").read_text(encoding="utf-8"))
    return list(document.get("municipalities", []))


def problems(root: Path = ROOT, municipalities: Sequence[Mapping[str, Any]] | None = None) -> list[str]:
    """Missing, different and orphaned page files, and pages that nav: of mkdocs.yml leaves out."""
    lsgs = load_municipalities(root) if municipalities is None else municipalities
    docs, expected = root / "docs", expected_pages(lsgs)
    found = []
    for path, text in expected.items():
        file = docs / path
        if not file.is_file():
            found.append(f"docs/{path}: missing (write it with python -m kgo.render.municipality_pages)")
        elif file.read_text(encoding="utf-8") != text:
            found.append(f"docs/{path}: differs from the data (title or marker id); "
                         "rewrite it with python -m kgo.render.municipality_pages")
    folder = lsg_page("x").rsplit("/", 1)[0]
    for lang in LANGUAGES:
        for file in sorted((docs / lang / folder).glob("*.md")):
            path = file.relative_to(docs).as_posix()
            if path not in expected:
                found.append(f"docs/{path}: no local government with this id in data/municipalities.yaml; "
                             "delete the page (and its nav: entry)")
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for m in lsgs:
        if f"- {lsg_page(m['id'])}" not in nav:
            found.append(f"mkdocs.yml: nav: does not list {lsg_page(m['id'])} (add it under mreza.md)")
    return found


def write_pages(root: Path = ROOT, municipalities: Sequence[Mapping[str, Any]] | None = None) -> list[str]:
    """Write every page that is missing or differs; returns the paths written."""
    lsgs = load_municipalities(root) if municipalities is None else municipalities
    written = []
    for path, text in expected_pages(lsgs).items():
        file = root / "docs" / path
        if not file.is_file() or file.read_text(encoding="utf-8") != text:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
            written.append(f"docs/{path}")
    return written


def main(argv: Sequence[str] = ()) -> int:
    if "--check" not in argv:
        for path in write_pages():
            print(f"wrote {path}")
    found = problems()
    for line in found:
        print(line)
    if not found:
        print("every local government has its page in docs/sr and docs/en, listed in nav:")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
