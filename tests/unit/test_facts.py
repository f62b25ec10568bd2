"""The facts register (kgo/checks/facts.py) on small data written here; no network: the address
check gets a fake fetcher, and a real fetch is only tried on an address that is not http(s)."""

from __future__ import annotations

import datetime as dt
import urllib.error
from pathlib import Path

import pytest

from kgo.checks import facts

TODAY = dt.date(2026, 12, 6)

DATA = """\
sources:
  fresh: &fresh {title: Fresh, publisher: Office, url: "https://ok.example/a", date: "2026", accessed: "2026-11-01"}
  old: &old {title: Old page, publisher: Office, url: "https://gone.example/b", date: "2020", accessed: "2024-05-03"}
  unused: {title: Never used, publisher: Office, date: "2001", accessed: "2001-01-01"}
items:
  - id: alpha
    population: {value: 10, source: *fresh}
    area: {value: 5, source: *old}
  - id: beta
    population: {value: 20, source: *old}
    sources:
      - {title: Law, publisher: Assembly, date: "2009"}
      - {title: New law, publisher: Assembly, url: "https://down.example/c", date: "2026-03"}
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "things.yaml").write_text(DATA, encoding="utf-8")
    (tmp_path / "empty.yaml").write_text("# nothing\n", encoding="utf-8")
    return tmp_path


def _paths(found):
    return [f.path for f in found]


def test_every_use_of_a_source_is_a_fact_named_by_id_and_line(data_dir):
    found = facts.collect(data_dir)
    assert _paths(found) == ["items[alpha].population", "items[alpha].area", "items[beta].population",
                             "items[beta].sources[0]", "items[beta].sources[1]"]
    assert "Never used" not in [f.source["title"] for f in found]  # definitions alone are no facts
    assert {f.file for f in found} == {"data/things.yaml"}
    assert found[0].line == 7 and found[1].line == 8 and found[3].line == 12


def test_year_and_month_count_as_their_last_day():
    assert facts.last_day("2024") == dt.date(2024, 12, 31)
    assert facts.last_day("2024-02") == dt.date(2024, 2, 29)
    assert facts.last_day("2024-05-03") == dt.date(2024, 5, 3)
    assert facts.last_day("soon") is None


def test_due_lists_old_checks_and_facts_never_checked(data_dir):
    stale, unchecked = facts.due(facts.collect(data_dir), TODAY)
    # accessed 2024-05-03 is old; the law without accessed falls back to its date 2009
    assert _paths(stale) == ["items[alpha].area", "items[beta].population", "items[beta].sources[0]"]
    # the new law has a recent date but was never checked
    assert _paths(unchecked) == ["items[beta].sources[1]"]
    # a year later everything checked in 2026 is due too
    stale, _ = facts.due(facts.collect(data_dir), dt.date(2028, 1, 1))
    assert "items[alpha].population" in _paths(stale)


def test_report_groups_facts_by_source_with_file_and_line(data_dir):
    text = facts.report(facts.collect(data_dir), TODAY)
    assert "5 sourced fact(s)" in text and "due when last checked before 2025-12-06" in text
    assert "Checked more than a year ago: 3 fact(s), 2 source(s)" in text
    assert '"Old page" (Office), accessed 2024-05-03' in text
    assert "data/things.yaml:8: items[alpha].area" in text
    assert "date 2009, never checked (no accessed)" in text
    assert "No date of checking: 1 fact(s), 1 source(s)" in text
    assert "Source addresses" not in text  # only with --online


def _fake(url: str) -> facts.UrlResult:
    if "gone" in url:
        return facts.UrlResult(url, 404, "Not Found")
    if "down" in url:
        raise urllib.error.URLError("Name or service not known")
    return facts.UrlResult(url, 200)


def test_addresses_are_checked_once_each_and_failures_are_results(data_dir):
    urls = [f.source.get("url", "") for f in facts.collect(data_dir)] + ["ftp://x.example/", ""]
    results = facts.check_urls(urls, _fake, workers=2)
    assert [(r.url, r.kind) for r in results] == [("https://down.example/c", "no answer"),
                                                  ("https://gone.example/b", "gone"),
                                                  ("https://ok.example/a", "ok")]
    text = facts.report(facts.collect(data_dir), TODAY, results)
    assert "Source addresses: 3 checked, 2 did not answer with a page" in text
    assert "gone: https://gone.example/b — HTTP 404: Not Found" in text
    assert "no answer: https://down.example/c — URLError: <urlopen error Name or service not known>" in text


def test_http_status_kinds():
    assert facts.UrlResult("u", 200).kind == "ok"
    assert facts.UrlResult("u", 410).kind == "gone"
    assert facts.UrlResult("u", 403).kind == "error"
    assert facts.UrlResult("u", None, "timeout").kind == "no answer"


def test_fetch_refuses_other_schemes_without_any_request():
    assert facts.fetch("file:///etc/passwd").reason == "not an http(s) address"


def test_exit_status_is_zero_unless_strict(data_dir, monkeypatch, capsys):
    args = ["--data", str(data_dir), "--today", "2026-12-06"]
    assert facts.main(args) == 0
    assert "Checked more than a year ago" in capsys.readouterr().out
    assert facts.main([*args, "--strict"]) == 1


def test_online_network_failures_never_fail_the_command(data_dir, monkeypatch, capsys):
    def offline(url: str, timeout: float = 1.0) -> facts.UrlResult:
        raise OSError("network is unreachable")

    monkeypatch.setattr(facts, "fetch", offline)
    assert facts.main(["--data", str(data_dir), "--online"]) == 0
    out = capsys.readouterr().out
    assert out.count("no answer: https://") == 3 and "network is unreachable" in out


def test_strict_fails_on_a_gone_address_but_not_on_a_network_failure(tmp_path, monkeypatch):
    fresh = '{title: T, publisher: P, url: "https://%s.example/", date: "2026", accessed: "2026-12-01"}'
    (tmp_path / "d.yaml").write_text(f"a: {{source: {fresh % 'down'}}}\n", encoding="utf-8")
    monkeypatch.setattr(facts, "fetch", lambda url, timeout=1.0: _fake(url))
    args = ["--data", str(tmp_path), "--today", "2026-12-06", "--online", "--strict"]
    assert facts.main(args) == 0
    (tmp_path / "d.yaml").write_text(f"a: {{source: {fresh % 'gone'}}}\n", encoding="utf-8")
    assert facts.main(args) == 1


def test_the_repository_register_runs(capsys):
    assert facts.main(["--today", "2026-12-06"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Facts register: ")
    counted = int(out.split("Facts register: ")[1].split(" sourced fact(s) in data/")[0])
    assert counted > 200  # every sourced fact of data/ (the municipal figures alone are 30)
