"""The interactive self-assessment of the Standards in a real browser: the browser's score equals
the Python scoring of hooks/standards.py for the same answers, answers and the record of the
self-assessment (municipality, date, assessors, version) survive a reload, the CSV export offers a
file with the record in it, and printing gives the compact report only."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest
import yaml

from kgo.methods.standards import client_rules, score
from tests.browser.conftest import EDITIONS, ROOT, open_page, page_url

pytestmark = pytest.mark.slow

# Columns of the exported CSV: code, area, title, level, points, requirement, evidence, indicator,
# answer, earned, notes, municipality, date, assessors, version (kgo/methods/standards.py CHECKLIST_COLUMNS).
ANSWER_COLUMN, EARNED_COLUMN = 8, 9
RECORD = {"municipality": "Opština Primer", "date": "2026-12-01",
          "assessors": "Koordinatorka KLER-a; službenik za finansije"}


def fill_record(page) -> None:
    page.fill("form.ki-sa input[data-record='municipality']", RECORD["municipality"])
    page.fill("form.ki-sa input[data-record='date']", RECORD["date"])
    page.fill("form.ki-sa textarea[data-record='assessors']", RECORD["assessors"])
    page.dispatch_event("form.ki-sa textarea[data-record='assessors']", "input")


@pytest.fixture(scope="module")
def standards() -> dict:
    return yaml.safe_load((ROOT / "data" / "standards.yaml").read_text(encoding="utf-8"))


def answer_sets(data: dict) -> dict[str, dict[str, str]]:
    """Named answer sets: the extremes, the mandatory-only case, the threshold and a mixture."""
    scoring = data["scoring"]
    ids = [s["id"] for s in data["standards"]]
    by_factor = sorted(scoring["answers"], key=lambda a: a["factor"])
    yes, no = scoring["mandatory_answer"], by_factor[0]["id"]
    mandatory = [s["id"] for s in data["standards"] if s["level"] == "mandatory"]
    sets = {
        "all yes": dict.fromkeys(ids, yes),
        "all no": dict.fromkeys(ids, no),
        "only mandatory met": {sid: yes if sid in mandatory else no for sid in ids},
        "only mandatory answered": dict.fromkeys(mandatory, yes),
        "one mandatory missing": {**dict.fromkeys(ids, yes), mandatory[0]: no},
        "nothing answered": {},
    }
    # Mandatory met, then recommended ones met one by one until the threshold is reached.
    threshold, total = scoring["threshold_percent"], sum(s["points"] for s in data["standards"])
    answers = dict.fromkeys(mandatory, yes)
    for s in data["standards"]:
        earned = sum(st["points"] for st in data["standards"] if answers.get(st["id"]) == yes)
        if earned * 100 >= threshold * total:
            break
        answers[s["id"]] = yes
    sets["threshold reached"] = answers
    # Every answer in turn, every fifth standard left open.
    cycle = [a["id"] for a in scoring["answers"]]
    sets["mixed"] = {sid: cycle[i % len(cycle)] for i, sid in enumerate(ids) if i % 5 != 4}
    return sets


def same(js, py, path="result") -> list[str]:
    """Differences between the browser's result and Python's (numbers compared as floats)."""
    if isinstance(py, dict):
        if not isinstance(js, dict) or set(js) != set(py):
            return [f"{path}: keys {sorted(js) if isinstance(js, dict) else js!r} != {sorted(py)}"]
        return [d for key in py for d in same(js[key], py[key], f"{path}.{key}")]
    if isinstance(py, (list, tuple)):
        if not isinstance(js, list) or len(js) != len(py):
            return [f"{path}: {js!r} != {list(py)!r}"]
        return [d for i, (a, b) in enumerate(zip(js, py, strict=True)) for d in same(a, b, f"{path}[{i}]")]
    if isinstance(py, bool) or isinstance(py, str) or py is None:
        return [] if js == py else [f"{path}: {js!r} != {py!r}"]
    return [] if math.isclose(js, py, rel_tol=1e-12, abs_tol=1e-9) else [f"{path}: {js!r} != {py!r}"]


def payload(page) -> dict:
    return json.loads(page.text_content("form.ki-sa script.ki-sa-data"))


def open_form(page, server, key_pages, edition="sr-Latn"):
    url = page_url(server, edition, key_pages["self-assessment"])
    open_page(page, url)
    page.wait_for_selector("form.ki-sa[data-ki-sa-ready='1'] .ki-sa-result:not([hidden])")
    return url


def answer(page, answers: dict[str, str]) -> None:
    for sid, value in answers.items():
        page.check(f"form.ki-sa input[type=radio][data-standard='{sid}'][value='{value}']")


def live_figures(page) -> tuple[str, float, float, float]:
    """(outcome, earned, maximum, percent) as the live line under the form shows them."""
    text = page.text_content("form.ki-sa .ki-sa-live")
    found = re.search(r"^(.*?) · .*?: ([\d.,]+) / ([\d.,]+) \(([\d.,]+)%\)", text)
    assert found, f"live result not understood: {text!r}"
    number = lambda s: float(s.replace(".", "").replace(",", ".")) if "," in s else float(s)  # noqa: E731
    return found.group(1), number(found.group(2)), number(found.group(3)), number(found.group(4))


@pytest.mark.parametrize("edition", EDITIONS)
def test_browser_score_equals_python_score(page, server, key_pages, standards, edition):
    open_form(page, server, key_pages, edition)
    assert page.evaluate("typeof window.computeScore") == "function", "the self-assessment script is not loaded"
    rules = payload(page)["rules"]
    assert rules == json.loads(json.dumps(client_rules(standards))), \
        "the form's rules differ from data/standards.yaml (site built from other data?)"
    problems = []
    for name, answers in answer_sets(standards).items():
        js = page.evaluate("([rules, answers]) => window.computeScore(rules, answers)", [rules, answers])
        py = score(standards, answers).as_dict()
        problems += [f"{name}: {d}" for d in same(js, py)]
    assert not problems, "\n".join(problems)


def test_outcomes_cover_every_case(standards):
    """The answer sets really test the rule: each outcome and the mandatory rule are hit."""
    results = {name: score(standards, a) for name, a in answer_sets(standards).items()}
    levels = {r.level for r in results.values()}
    assert {lv["id"] for lv in standards["scoring"]["levels"]} <= levels
    assert standards["scoring"]["not_recognised"]["id"] in levels
    assert results["one mandatory missing"].percent >= standards["scoring"]["threshold_percent"]
    assert not results["one mandatory missing"].recognised
    assert results["threshold reached"].recognised


def test_form_shows_the_python_result_and_keeps_answers_after_reload(page, server, key_pages, standards):
    open_form(page, server, key_pages)
    data = payload(page)
    answers = answer_sets(standards)["mixed"]
    answer(page, answers)
    first = next(iter(answers))
    page.fill(f"form.ki-sa textarea[data-standard='{first}']", "Odluka skupštine, 2024.")
    page.dispatch_event(f"form.ki-sa textarea[data-standard='{first}']", "input")

    expected = score(standards, answers)
    outcome, earned, maximum, percent = live_figures(page)
    assert outcome == data["outcomes"][expected.level]["label"]
    assert (earned, maximum) == (pytest.approx(expected.earned, abs=0.05), expected.maximum)
    assert percent == pytest.approx(expected.percent, abs=0.05 + 1e-9)

    page.reload(wait_until="load")
    page.wait_for_selector("form.ki-sa[data-ki-sa-ready='1'] .ki-sa-result:not([hidden])")
    checked = page.eval_on_selector_all("form.ki-sa input[type=radio]:checked",
                                        "els => Object.fromEntries(els.map(e => [e.dataset.standard, e.value]))")
    assert checked == answers, "the answers did not survive a reload"
    assert page.input_value(f"form.ki-sa textarea[data-standard='{first}']") == "Odluka skupštine, 2024."
    assert live_figures(page)[0] == outcome


def test_record_fields_survive_a_reload_and_the_version_is_fixed(page, server, key_pages, standards):
    open_form(page, server, key_pages)
    fill_record(page)
    page.reload(wait_until="load")
    page.wait_for_selector("form.ki-sa[data-ki-sa-ready='1'] .ki-sa-result:not([hidden])")
    for key, value in RECORD.items():
        assert page.input_value(f"form.ki-sa [data-record='{key}']") == value, key
    version = page.locator("form.ki-sa input[data-record='version']")
    assert version.input_value() == standards["scheme"]["version"]
    assert version.get_attribute("readonly") is not None


@pytest.mark.parametrize("edition", EDITIONS)
def test_print_gives_the_compact_report_only(page, server, key_pages, standards, edition):
    open_form(page, server, key_pages, edition)
    answers = answer_sets(standards)["mixed"]
    answer(page, answers)
    fill_record(page)
    data = payload(page)
    expected = score(standards, answers)
    page.emulate_media(media="print")
    try:
        assert page.is_visible("article h1")
        assert page.is_visible("form.ki-sa .ki-sa-report")
        for hidden in ("form.ki-sa .ki-sa-area", "form.ki-sa .ki-sa-record", "form.ki-sa .ki-sa-controls",
                       "form.ki-sa .ki-sa-result", "#form"):
            assert not any(el.is_visible() for el in page.query_selector_all(hidden)), f"printed: {hidden}"
        report = page.text_content("form.ki-sa .ki-sa-report")
        assert RECORD["municipality"] in report and RECORD["assessors"] in report
        assert standards["scheme"]["version"] in report
        assert data["outcomes"][expected.level]["label"] in report
        rows = page.locator("form.ki-sa .ki-sa-report table.ki-sa-report__answers tbody tr")
        assert rows.count() == len(standards["standards"])
    finally:
        page.emulate_media(media="screen")
    assert not page.is_visible("form.ki-sa .ki-sa-report"), "the report shows on screen"


def test_csv_export_offers_the_answers_as_a_file(page, server, key_pages, standards, tmp_path: Path):
    open_form(page, server, key_pages)
    data = payload(page)
    answers = answer_sets(standards)["mixed"]
    answer(page, answers)
    fill_record(page)
    with page.expect_download() as info:
        page.click("form.ki-sa button[data-action='export']")
    download = info.value
    names = data["filenames"]
    assert download.suggested_filename == f"{names['answers']}-opstina-primer-{RECORD['date']}-{names['suffix']}.csv"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=data["csv"]["delimiter"]))
    assert rows[0] == data["csv_columns"]
    assert len(rows) == 1 + len(standards["standards"]) + 1  # header, standards, totals
    labels = {a["id"]: a["label"] for a in data["answers"]}
    factors = {a["id"]: a["factor"] for a in data["answers"]}
    points = {s["id"]: s["points"] for s in standards["standards"]}
    by_code = {row[0]: row for row in rows[1:]}
    for sid in points:
        row = by_code[data["codes"][sid]]
        value = answers.get(sid)
        assert row[ANSWER_COLUMN] == (labels[value] if value else ""), f"{sid}: answer {row[ANSWER_COLUMN]!r}"
        if value:
            assert float(row[EARNED_COLUMN].replace(",", ".")) == factors[value] * points[sid], f"{sid}: {row}"
        else:
            assert row[EARNED_COLUMN] == ""

    record = dict(zip(data["record_columns"], rows[0][-len(data["record_columns"]):], strict=True))
    assert all(row[-4:] == [RECORD["municipality"], RECORD["date"], RECORD["assessors"], standards["scheme"]["version"]]
               for row in rows[1:]), "the record is not in every row"
    assert set(record) == {"municipality", "date", "assessors", "version"}

    with page.expect_download() as info:
        page.click("form.ki-sa button[data-action='blank']")
    assert info.value.suggested_filename == f"{names['blank']}-{names['suffix']}.csv"
    blank = tmp_path / "blank.csv"
    info.value.save_as(blank)
    blank_text = blank.read_text(encoding="utf-8-sig")
    blank_rows = list(csv.reader(io.StringIO(blank_text), delimiter=data["csv"]["delimiter"]))
    assert len(blank_rows) == 1 + len(standards["standards"])
    assert all(row[-4:] == ["", "", "", standards["scheme"]["version"]] for row in blank_rows[1:])
