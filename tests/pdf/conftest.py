"""A small real site for the PDF book tests: the repository's mkdocs.yml, hooks and overrides with
two test publications of two chapters each (tests/pdf/fixtures), built once per test run with every
edition and every book.

Only the hooks a book depends on are kept, so the test site does not depend on the content and data
that other parts of the site are still writing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BOOK_HOOKS = ("build_output.py", "build_nav.py", "build_cyrillic.py", "build_data.py", "build_pdf.py")
SHARED_DATA = ("common.schema.json", "publications.schema.json",
               "cyrillic_exceptions.yaml", "cyrillic_exceptions.schema.json")
EPOCH = "1700000000"
#: mkdocs.yml reads site_url from KGO_SITE_URL; the books need it for links to pages outside them.
SITE_URL = "https://example.org/handbook/"


def book_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "KGO_SITE_URL": SITE_URL}
    env.pop("KGO_PDF", None)
    env.pop("KGO_EDITION", None)
    env.update(extra)
    return env


def build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project,
                            env=book_env(**env), capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, f"the test site did not build:\n{result.stdout[-3000:]}\n{result.stderr[-8000:]}"
    return result


def _mkdocs_yml() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "nav:\n  - index.md\n  - PUBLICATIONS\n  - usluge.md\n  - preuzimanja.md\n\n"
    text, found = re.subn(r"^nav:\n(?:(?:[ \t].*)?\n)*", nav, text, count=1, flags=re.M)
    assert found, "mkdocs.yml has no nav: section"
    lines = []
    for line in text.splitlines():
        hook = re.match(r"^\s*-\s*hooks/([\w.]+\.py)", line)
        if hook and hook.group(1) not in BOOK_HOOKS:
            continue
        lines.append(line)
    text = "\n".join(lines) + "\n"
    if "hooks/build_pdf.py" not in text:
        text += "  - hooks/build_pdf.py\n"
    return text


def make_project(target: Path) -> Path:
    """The test site's sources in ``target``."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "hooks", target / "hooks", ignore=ignore)
    shutil.copytree(ROOT / "overrides", target / "overrides", ignore=ignore)
    for folder in ("css", "fonts"):
        shutil.copytree(ROOT / "docs" / "assets" / folder, target / "docs" / "assets" / folder)
    (target / "data").mkdir(parents=True)
    for name in SHARED_DATA:
        if (ROOT / "data" / name).exists():
            shutil.copy2(ROOT / "data" / name, target / "data" / name)
    shutil.copytree(FIXTURES, target, dirs_exist_ok=True)
    (target / "mkdocs.yml").write_text(_mkdocs_yml(), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def book_project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("books") / "project")


@pytest.fixture(scope="session")
def book_site(book_project, tmp_path_factory) -> Path:
    """The test site with its books, built from an empty cache."""
    shutil.rmtree(book_project / ".cache", ignore_errors=True)
    site = tmp_path_factory.mktemp("books-site") / "site"
    result = build(book_project, site)
    site.joinpath(".build-log.txt").write_text(result.stderr, encoding="utf-8")
    return site
