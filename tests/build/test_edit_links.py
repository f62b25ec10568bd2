"""Every page of every edition has an "edit this page" link to the file an editor changes: the
Latin and Cyrillic editions to docs/sr/…, the English edition to docs/en/…, and the file exists."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from tests.conftest import ROOT, built_path, source_pages

pytestmark = pytest.mark.slow

# edition -> (URL prefix in the site, folder of the source the edit link must point to)
EDITIONS = {"sr": ("", "sr"), "cyr": ("sr-Cyrl/", "sr"), "en": ("en/", "en")}


def setting(name: str) -> str:
    """A value of mkdocs.yml as MkDocs reads it (``!ENV`` tags resolved from the environment)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml.load(file, Loader=get_yaml_loader())  # MkDocs' own loader: !ENV, python tags
    assert config.get(name), f"mkdocs.yml has no {name}"
    return config[name]


def edit_prefix() -> str:
    """'https://github.com/OWNER/REPO/edit/main/': what precedes the repository path of a file."""
    edit_uri = setting("edit_uri")  # edit/main/docs/
    branch_part = edit_uri.split("/docs", 1)[0].strip("/")  # edit/main
    return f"{setting('repo_url').rstrip('/')}/{branch_part}/"






class _EditLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "edit" in (attributes.get("rel") or "").split():
            self.hrefs.append(attributes.get("href") or "")


def edit_links(path: Path) -> list[str]:
    parser = _EditLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.hrefs


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_page_has_an_edit_link_to_an_existing_source_file(site, edition):
    prefix, source_lang = EDITIONS[edition]
    repo_prefix = edit_prefix()
    problems = []
    pages = source_pages("en" if edition == "en" else "sr")
    assert pages
    for page in pages:
        html = built_path(site, prefix, page)
        if not html.exists():
            problems.append(f"{html.relative_to(site)}: not built")
            continue
        links = edit_links(html)
        if len(links) != 1:
            problems.append(f"{html.relative_to(site)}: {len(links)} edit links, expected 1")
            continue
        href = links[0]
        if not href.startswith(repo_prefix):
            problems.append(f"{html.relative_to(site)}: edit link {href} does not start with {repo_prefix}")
            continue
        file = href.removeprefix(repo_prefix)
        if file != f"docs/{source_lang}/{page}":
            problems.append(f"{html.relative_to(site)}: edit link to {file}, expected docs/{source_lang}/{page}")
        if not (ROOT / file).is_file():
            problems.append(f"{html.relative_to(site)}: edit link to {file}, which does not exist")
    assert problems == [], "\n".join(problems)
