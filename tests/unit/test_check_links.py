"""tools/check_links.py without the network: finding links, deduplication, the HEAD-then-GET
rule and the Markdown report that goes into the issue."""

from __future__ import annotations

import importlib.util
import io
import sys
import urllib.error
from datetime import UTC, datetime

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("check_links", ROOT / "tools" / "check_links.py")
check_links = importlib.util.module_from_spec(_spec)
sys.modules["check_links"] = check_links  # dataclasses look their module up
_spec.loader.exec_module(check_links)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("tests must not use the network")

    monkeypatch.setattr(check_links.urllib.request, "urlopen", refuse)


def test_external_links_of_a_page():
    html = """
      <a href="https://example.org/a#part">a</a> <a href="../mreza/">internal</a>
      <a href="mailto:x@example.org">mail</a> <img src="http://example.org/i.png">
      <a href="https://example.org/a">again</a> <script src="assets/js/search.js"></script>
      <a>no href</a> <link href="https://example.org/style.css">
    """
    assert check_links.links_in_html(html) == [
        "https://example.org/a", "http://example.org/i.png", "https://example.org/a"]


def test_collect_dedupes_and_remembers_the_pages(tmp_path):
    site = tmp_path / "site"
    for path, html in {
        "index.html": '<a href="https://example.org/">x</a><a href="https://kg.example/handbook/en/">own</a>',
        "en/mreza/index.html": '<a href="https://example.org/#top">x</a>'
                               '<a href="https://github.com/o/r/edit/main/docs/en/mreza.md">edit</a>',
        "404.html": '<a href="https://dead.example/">x</a>',
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")
    found = check_links.collect(site, ignore=["https://kg.example/handbook/", "https://github.com/o/r/edit/"])
    assert found == {"https://dead.example/": ["/404.html"], "https://example.org/": ["/", "/en/mreza/"]}


def test_head_then_get_when_the_server_refuses_head(monkeypatch):
    calls = []

    def request(url, method, timeout):
        calls.append(method)
        if method == "HEAD":
            raise urllib.error.HTTPError(url, 405, "Method Not Allowed", {}, io.BytesIO())
        return 200

    monkeypatch.setattr(check_links, "_request", request)
    assert check_links.fetch("https://example.org/") == check_links.Result("https://example.org/", 200, "")
    assert calls == ["HEAD", "GET"]


def test_a_missing_page_is_broken_and_a_timeout_is_not(monkeypatch):
    def gone(url, method, timeout):
        raise urllib.error.HTTPError(url, 404, "Not Found", {}, io.BytesIO())

    monkeypatch.setattr(check_links, "_request", gone)
    result = check_links.fetch("https://example.org/old")
    assert (result.ok, result.broken, result.reason) == (False, True, "HTTP 404 Not Found")

    def slow(url, method, timeout):
        raise TimeoutError("timed out")

    monkeypatch.setattr(check_links, "_request", slow)
    result = check_links.fetch("https://slow.example/")
    assert (result.ok, result.broken, result.reason) == (False, False, "timed out")

    def unknown_host(url, method, timeout):
        raise urllib.error.URLError(OSError(-2, "Name or service not known"))

    monkeypatch.setattr(check_links, "_request", unknown_host)
    assert check_links.fetch("https://no-such-host.example/").broken


def test_check_asks_once_per_address():
    asked = []

    def fetcher(url):
        asked.append(url)
        return check_links.Result(url, 200, "")

    results = check_links.check(["https://b.example/", "https://a.example/", "https://b.example/"], fetcher)
    assert sorted(asked) == ["https://a.example/", "https://b.example/"]
    assert [r.url for r in results] == ["https://a.example/", "https://b.example/"]


def test_the_report():
    R = check_links.Result
    results = [R("https://ok.example/", 200, ""), R("https://gone.example/x|y", 404, "HTTP 404 Not Found"),
               R("https://slow.example/", None, "timed out")]
    pages = {"https://gone.example/x|y": ["/", "/en/mreza/"], "https://slow.example/": ["/mreza/"]}
    text = check_links.report(results, pages, "https://kg.example/handbook/", datetime(2025, 3, 3, 5, 30, tzinfo=UTC))
    assert text.splitlines()[:5] == [
        "Provera spoljnih veza / External link check: 2025-03-03 05:30 UTC",
        "",
        "- Proverenih adresa / Addresses checked: 3",
        "- Neispravnih / Broken: 1",
        "- Nije moguće proveriti / Could not be checked: 1",
    ]
    assert ("| <https://gone.example/x|y> | HTTP 404 Not Found | [/](https://kg.example/handbook/), "
            "[/en/mreza/](https://kg.example/handbook/en/mreza/) |") in text
    assert "| <https://slow.example/> | timed out | [/mreza/](https://kg.example/handbook/mreza/) |" in text
    assert text.index("## Neispravne veze") < text.index("## Nije moguće proveriti")
    assert "https://ok.example/" not in text


def test_the_report_when_everything_works():
    text = check_links.report([check_links.Result("https://ok.example/", 200, "")], {})
    assert "Sve spoljne veze rade. / Every external link works." in text
    assert "##" not in text


def test_the_command_writes_the_report_and_the_count(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<a href="https://gone.example/">x</a>', encoding="utf-8")
    monkeypatch.setattr(check_links, "fetch", lambda url, timeout=0: check_links.Result(url, 410, "HTTP 410 Gone"))
    github_output = tmp_path / "github_output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(github_output))
    report = tmp_path / "report.md"
    assert check_links.main([str(site), "--output", str(report)]) == 0
    assert check_links.main([str(site), "--strict"]) == 1
    assert "HTTP 410 Gone" in report.read_text(encoding="utf-8")
    assert github_output.read_text(encoding="utf-8") == "problems=1\nproblems=1\n"
    assert "<https://gone.example/>" in capsys.readouterr().out


def test_settings_come_from_mkdocs_yml_and_the_environment(monkeypatch):
    text = (
        "site_url: !ENV [KGO_SITE_URL, null]\n"
        'repo_url: !ENV [KGO_REPO_URL, "https://github.com/o/r"]\n'
        "edit_uri: edit/main/docs/   # comment\n"
    )
    monkeypatch.delenv("KGO_SITE_URL", raising=False)
    monkeypatch.delenv("KGO_REPO_URL", raising=False)
    assert [check_links.setting(n, text) for n in ("site_url", "repo_url", "edit_uri", "nav")] == [
        "", "https://github.com/o/r", "edit/main/docs/", ""]
    monkeypatch.setenv("KGO_REPO_URL", "https://github.com/fork/r")
    monkeypatch.setenv("KGO_SITE_URL", "https://fork.github.io/r/")
    assert check_links.setting("repo_url", text) == "https://github.com/fork/r"
    assert check_links.setting("site_url", text) == "https://fork.github.io/r/"
