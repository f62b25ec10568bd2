"""Shared fixtures: the real site is built once per test run and every test reads its output."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a site copy needs; tests and caches are left out.
SITE_SOURCES = ("mkdocs.yml", "hooks", "overrides", "data", "docs")


def load_hook(name: str):
    """A MkDocs hook file of hooks/, loaded by path as MkDocs loads it (hooks are not a package)."""
    spec = importlib.util.spec_from_file_location(f"hooks_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **extra}
    env.pop("KGO_EDITION", None)
    return env


def run_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """``mkdocs build`` of ``project`` into ``site``; returns the finished process."""
    return subprocess.run([*MKDOCS, "build", "-d", str(site)], cwd=project, env=build_env(**env),
                          capture_output=True, text=True, timeout=1200, check=False)


def copy_project(target: Path) -> Path:
    """A copy of the sources that a test may break without touching the repository."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def source_pages(lang: str) -> list[str]:
    """Markdown pages of a language folder, relative to it."""
    base = ROOT / "docs" / lang
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md"))


def built_path(site: Path, prefix: str, page: str) -> Path:
    """Where MkDocs writes a page (directory URLs): 'a/b.md' -> a/b/index.html under the prefix."""
    stem = page[:-3]
    if stem == "index" or stem.endswith("/index"):
        return site / prefix / stem[: -len("index")] / "index.html"
    return site / prefix / stem / "index.html"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The complete site (every edition, every book), built once from the repository.

    KGO_TEST_SITE=path reuses a site built before (for a quick re-run while developing)."""
    if os.environ.get("KGO_TEST_SITE"):
        return Path(os.environ["KGO_TEST_SITE"])
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return out


# --- No silent skips --------------------------------------------------------------------------------
# A test whose tool is missing fails (tests/tools.py); a skip that slips in anyway fails the run, so
# `make test` can only pass with every test executed.


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = len(terminalreporter.stats.get("skipped", []))
    terminalreporter.write_line(f"skipped: {skipped} (a skip fails the run: install the tool it names)")


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = 1
