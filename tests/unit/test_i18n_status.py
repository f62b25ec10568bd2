"""Translation drift on a small git repository made in the test: outdated pages (with the diff),
structural mismatches, missing and orphaned pages; and the notice the English edition shows."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kgo.checks import i18n_status, outdated_notice
from tests.conftest import load_hook

SR = "# Naslov\n\n## Prvi deo {#first}\n\nTekst.\n\n## Drugi deo {#second}\n\nJoš teksta.\n"
EN = "# Title\n\n## First part {#first}\n\nText.\n\n## Second part {#second}\n\nMore text.\n"


def git(repo: Path, *args: str, date: str = "2024-01-01T12:00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def write(docs: Path, path: str, text: str) -> None:
    target = docs / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository with docs/sr and docs/en of one page, committed on 2024-01-01."""
    git(tmp_path, "init", "-q", "-b", "main")
    docs = tmp_path / "docs"
    write(docs, "sr/strana.md", SR)
    write(docs, "en/strana.md", EN)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "both languages")
    return tmp_path


def test_up_to_date_twins_report_nothing(repo, capsys):
    docs = repo / "docs"
    assert i18n_status.structural_problems(docs) == []
    assert i18n_status.outdated(docs) == []
    assert i18n_status.main([str(docs)]) == 0
    assert "up to date" in capsys.readouterr().out


def test_a_serbian_change_after_its_english_twin_is_reported_with_the_diff(repo, capsys):
    docs = repo / "docs"
    english_commit = git(repo, "rev-parse", "HEAD").strip()
    write(docs, "sr/strana.md", SR.replace("Još teksta.", "Još teksta, sa novom rečenicom."))
    git(repo, "commit", "-q", "-am", "Serbian text changed", date="2024-03-05T10:00:00")

    ((page, commit, diff),) = i18n_status.outdated(docs)
    assert page == "strana.md"
    assert commit == english_commit[:10]
    assert "-Još teksta." in diff and "+Još teksta, sa novom rečenicom." in diff
    assert i18n_status.main([str(docs)]) == 0  # reported, but the build goes on
    out = capsys.readouterr().out
    assert f"OUTDATED docs/en/strana.md: docs/sr/strana.md changed since {english_commit[:10]}" in out
    assert "+Još teksta, sa novom rečenicom." in out

    # The English edition then shows the notice, dated with the Serbian change.
    assert outdated_notice.lagging(docs) == {"strana.md": "2024-03-05"}

    # Updating the English page ends the lag.
    write(docs, "en/strana.md", EN.replace("More text.", "More text, with a new sentence."))
    git(repo, "commit", "-q", "-am", "English text updated", date="2024-03-06T10:00:00")
    assert i18n_status.outdated(docs) == []
    assert outdated_notice.lagging(docs) == {}


def test_a_reviewed_trailer_marks_the_english_page_as_checked(repo):
    docs = repo / "docs"
    write(docs, "sr/strana.md", SR.replace("Još teksta.", "Još teksta (ispravljena slovna greška)."))
    git(repo, "commit", "-q", "-am", "Serbian typo", date="2024-03-05T10:00:00")
    assert [page for page, _, _ in i18n_status.outdated(docs)] == ["strana.md"]
    # A trailer naming another page changes nothing; naming this one ends the lag.
    git(repo, "commit", "-q", "--allow-empty", "-m", "Checked", "-m", "I18n-reviewed: docs/en/druga.md",
        date="2024-03-06T10:00:00")
    assert [page for page, _, _ in i18n_status.outdated(docs)] == ["strana.md"]
    git(repo, "commit", "-q", "--allow-empty", "-m", "Checked", "-m", "I18n-reviewed: docs/en/strana.md",
        date="2024-03-07T10:00:00")
    assert i18n_status.outdated(docs) == []
    # A later Serbian change is outdated again.
    write(docs, "sr/strana.md", SR.replace("Još teksta.", "Nova rečenica."))
    git(repo, "commit", "-q", "-am", "Serbian change", date="2024-03-08T10:00:00")
    assert [page for page, _, _ in i18n_status.outdated(docs)] == ["strana.md"]


def test_an_uncommitted_change_is_not_outdated(repo):
    docs = repo / "docs"
    write(docs, "sr/strana.md", SR + "\nNova rečenica.\n")
    assert i18n_status.outdated(docs) == []


def test_a_heading_removed_in_one_language_is_a_structural_mismatch(repo, capsys):
    docs = repo / "docs"
    write(docs, "en/strana.md", EN.replace("## Second part {#second}\n\n", ""))
    (problem,) = i18n_status.structural_problems(docs)
    assert problem == ("docs/en/strana.md: headings differ: sr [h1#?, h2#first, h2#second] / en [h1#?, h2#first]; "
                       "make docs/en/strana.md match docs/sr/strana.md")
    assert i18n_status.main([str(docs)]) == 1
    assert f"FAIL {problem}" in capsys.readouterr().out


def test_a_different_anchor_is_a_structural_mismatch(repo):
    docs = repo / "docs"
    write(docs, "en/strana.md", EN.replace("{#second}", "{#other}"))
    (problem,) = i18n_status.structural_problems(docs)
    assert "h2#second" in problem and "h2#other" in problem


def test_a_missing_english_page_and_an_orphaned_english_page(repo, capsys):
    docs = repo / "docs"
    write(docs, "sr/nova.md", "# Nova\n")
    write(docs, "en/stara.md", "# Old\n")
    assert i18n_status.structural_problems(docs) == [
        "docs/sr/nova.md: no English twin; create docs/en/nova.md",
        "docs/en/stara.md: no Serbian master docs/sr/stara.md; create it or delete this page",
    ]
    assert i18n_status.main([str(docs)]) == 1
    out = capsys.readouterr().out
    assert "FAIL docs/sr/nova.md: no English twin" in out and "FAIL docs/en/stara.md" in out


def test_a_page_never_committed_in_english_is_not_outdated(repo):
    docs = repo / "docs"
    write(docs, "sr/nova.md", "# Nova\n")
    write(docs, "en/nova.md", "# New\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Serbian first")
    assert i18n_status.outdated(docs) == []


# --- the notice on lagging English pages --------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("en/", "../"),
        ("en/mreza/", "../../mreza/"),
        ("en/prirucnik/mapiranje/", "../../../prirucnik/mapiranje/"),
        ("en/prirucnik/", "../../prirucnik/"),
        ("en/mreza.html", "../mreza.html"),
    ],
)
def test_the_notice_links_to_the_same_page_in_serbian(url, href):
    assert outdated_notice.serbian_href(url, "en/") == href


def test_in_an_english_only_preview_the_notice_links_to_the_published_serbian_page():
    assert outdated_notice.serbian_href("mreza/", "en/", "https://kg.example/handbook/") == (
        "https://kg.example/handbook/mreza/")
    assert outdated_notice.serbian_href("mreza/", "en/", "") == ""
    assert outdated_notice.notice("", "2016-06-18").endswith("; see the Serbian version.\n")


def test_the_notice_goes_under_the_title():
    notice = outdated_notice.notice("../../mreza/", "2016-06-18")
    assert notice == (
        '!!! warning "This translation may be out of date"\n'
        "    The Serbian original of this page changed on 18 June 2016, after this English text was last "
        'updated; see the <a href="../../mreza/" hreflang="sr-Latn" lang="sr-Latn">Serbian version</a>.\n'
    )
    page = outdated_notice.add_notice("# Network\n\nText.\n", notice)
    assert page == "# Network\n\n" + notice + "\n\nText.\n"
    assert outdated_notice.add_notice("Text first.\n", "N\n") == "N\n\nText first.\n"


class _Page:
    def __init__(self, src_uri: str, url: str):
        self.file = type("F", (), {"src_uri": src_uri})()
        self.url = url


class _Config(dict):
    def __init__(self, language: str, docs_dir: Path):
        super().__init__()
        self.theme = {"language": language}
        self.docs_dir = str(docs_dir)
        self.extra = {"edition_root": {"en": "en/", "sr-Cyrl": "sr-Cyrl/"}.get(language, "")}
        self.site_url = "https://kg.example/handbook/"
        self.site_dir = str(docs_dir.parent / "site")
        self.config_file_path = str(docs_dir.parent / "mkdocs.yml")
        self.plugins = {}


def test_the_hook_adds_the_notice_to_lagging_english_pages_only(repo):
    docs = repo / "docs"
    write(docs, "sr/strana.md", SR + "\nNova rečenica.\n")
    git(repo, "commit", "-q", "-am", "Serbian text changed", date="2024-03-05T10:00:00")
    build_outdated = load_hook("build_outdated")
    page = _Page("en/strana.md", "en/strana/")
    config = _Config("en", docs)  # one build: the same configuration carries its context
    build_outdated.on_pre_build(config)
    out = build_outdated.on_page_markdown(EN, page, config, None)
    assert out.startswith("# Title\n\n!!! warning \"This translation may be out of date\"\n")
    assert 'changed on 5 March 2024' in out and 'href="../../strana/"' in out
    for language in ("sr-Latn", "sr-Cyrl"):
        page = _Page("sr/strana.md", "strana/")
        config = _Config(language, docs)
        build_outdated.on_pre_build(config)
        assert build_outdated.on_page_markdown(SR, page, config, None) == SR
