"""A broken source gives a failed build that names the file and line (or the page) to fix, and the
previous site stays: the manifest, and links that renderers make from data."""

from __future__ import annotations

import re

import pytest

from tests.conftest import copy_project, run_build

pytestmark = pytest.mark.slow


def break_file(project, name: str, old: str, new: str, count: int = 1) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_manifest_without_a_title_translation_lists_the_file_and_line(project, tmp_path):
    text = (project / "data" / "publications.yaml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip() == "short_title:") + 1
    assert text.splitlines()[line - 1].strip().startswith("sr:")
    break_file(project, "data/publications.yaml", text.splitlines()[line - 1] + "\n", "")
    result = run_build(project, tmp_path / "site", KGO_PDF="0")
    assert result.returncode != 0
    assert re.search(r"data/publications\.yaml:\d+: publications\[0\]\.short_title: missing key 'sr'",
                     result.stderr), result.stderr[-3000:]
    assert "KeyError" not in result.stderr and "Traceback" not in result.stderr


def test_a_manifest_with_an_unknown_chapter_names_the_missing_file(project, tmp_path):
    break_file(project, "data/publications.yaml", "      - pojmovi.md\n", "      - pojmovi.md\n      - nema-ga.md\n")
    result = run_build(project, tmp_path / "site", KGO_PDF="0")
    assert result.returncode != 0
    assert re.search(r"data/publications\.yaml:\d+: publications\[0\]\.chapters\[2\]: "
                     r"docs/sr/prirucnik/nema-ga\.md does not exist; create it or remove it from the list",
                     result.stderr), result.stderr[-3000:]


def test_a_renderer_link_to_a_missing_page_fails_the_strict_build_naming_it(project, tmp_path):
    break_file(project, "data/services.yaml", "page: smernice/index.md", "page: smernice/nema-je.md")
    result = run_build(project, tmp_path / "site", KGO_PDF="0")
    assert result.returncode != 0
    assert "links to 'smernice/nema-je.md' from its data" in result.stderr, result.stderr[-3000:]


def test_a_page_missing_from_the_manifest_names_the_manifest(project, tmp_path):
    for lang, title in (("sr", "Nova strana"), ("en", "New page")):
        (project / "docs" / lang / "prirucnik" / "nova-strana.md").write_text(f"# {title}\n\nTekst.\n",
                                                                              encoding="utf-8")
    result = run_build(project, tmp_path / "site", KGO_PDF="0")
    assert result.returncode != 0
    assert ("docs/sr/prirucnik/nova-strana.md is not a chapter of publication 'prirucnik': add "
            "'nova-strana.md' to its chapters in data/publications.yaml") in result.stderr, result.stderr[-3000:]


def test_make_check_runs_every_step_and_names_each_failure(project):
    import subprocess
    import sys

    from tests.conftest import build_env

    break_file(project, "data/municipalities.yaml", "value: 49601,", "value: 49.601,")
    page = project / "docs" / "sr" / "mreza.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOvo je rečenicaa sa greškom.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kgo.checks", "--skip", "tests", "--skip", "code"],
                            cwd=project, env=build_env(), capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "write 49601" in out and "unknown word 'rečenicaa'" in out
    assert "check: 2 passed, 3 failed: data, spelling, build; not run: cyrillic (needs the build)" in out, out[-3000:]


def test_a_broken_link_on_one_language_is_named_with_the_structure_mismatch(project, tmp_path):
    site = tmp_path / "site"
    (site / "kept.txt").parent.mkdir(parents=True)
    (site / "kept.txt").write_text("the last good site", encoding="utf-8")
    page = project / "docs" / "sr" / "o-projektu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVidi i [stranu koje nema](nema-je.md).\n",
                    encoding="utf-8")
    result = run_build(project, site, KGO_PDF="0")
    assert result.returncode != 0
    assert "docs/en/o-projektu.md" in result.stderr and "links" in result.stderr  # the structure
    assert "'nema-je.md'" in result.stderr and "not found" in result.stderr, result.stderr[-3000:]  # the link
    assert (site / "kept.txt").read_text(encoding="utf-8") == "the last good site"
