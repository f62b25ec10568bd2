"""The valorisation calculator on the Guidelines' page in a real browser: the CSV template filled
with the worked example's inputs gives, exported, exactly the published example results; a bad
file gets a message that names the row and the column, in the edition's language; the spreadsheets
and CSV files the block links are there; nothing is fetched from elsewhere while computing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kgo.calculator.build import example_inputs
from kgo.calculator.csvfiles import plain
from kgo.calculator.files import export_name, site_path
from kgo.methods.valorization import compute_example
from tests.browser.conftest import AXE, AXE_TAGS, EDITIONS, RUN_AXE, open_page, page_url

pytestmark = pytest.mark.slow

CODE = {"sr-Latn": "sr", "sr-Cyrl": "cyr", "en": "en"}
MARK = 'class="ki-calc"'


@pytest.fixture(scope="module")
def datasets() -> dict:
    from kgo.rules import load

    data, errors = load()
    assert not errors
    return data


@pytest.fixture(scope="module")
def calculator_page(site) -> str:
    """Site path of the Guidelines' chapter that carries the calculator."""
    for index in sorted((site / "smernice").glob("*/index.html")):
        if MARK in index.read_text(encoding="utf-8"):
            return f"{index.parent.relative_to(site).as_posix()}/"
    raise AssertionError("no chapter under smernice/ carries <!-- data: valorization calculator -->")


def open_calculator(page, server, path, edition="sr-Latn"):
    open_page(page, page_url(server, edition, path))
    page.wait_for_selector(".ki-calc[data-ki-calc-ready='1'] form.ki-calc-form", state="visible")


def filled_template(site: Path, datasets, lang: str) -> str:
    """The published CSV template with the worked example's inputs typed under its header."""
    text = (site / site_path("units-template", lang)).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    codes = rows[1]
    units, _ = example_inputs(datasets["valorization"], datasets["sectors"], lang)
    rows += [[u["name"], *(plain(u["values"].get(c)) for c in codes[1:])] for u in units]
    return csv_text(rows)


def csv_text(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def upload(page, tmp_path: Path, name: str, text: str, kind: str = "units") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    page.set_input_files(f".ki-calc input[type=file][data-input={kind}]", str(path))


def wait_state(page, state: str) -> None:
    page.wait_for_selector(f".ki-calc[data-state={state}]")


@pytest.mark.parametrize("edition", EDITIONS)
def test_filled_template_exports_the_published_example(page, server, site, calculator_page, datasets, edition,
                                                        tmp_path):
    lang = CODE[edition]
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_calculator(page, server, calculator_page, edition)
    before = len(requests)
    upload(page, tmp_path, "pokazatelji.csv", filled_template(site, datasets, lang))
    wait_state(page, "done")
    upload(page, tmp_path, "sektori.csv", (site / site_path("sectors-example", lang)).read_text(encoding="utf-8-sig"),
           "sectors")
    page.wait_for_selector(".ki-calc .ki-calc-matrix")
    with page.expect_download() as info:
        page.click(".ki-calc button[data-action=export]")
    download = info.value
    assert download.suggested_filename == export_name(lang)
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    published = (site / site_path("results-example", lang)).read_bytes()
    assert target.read_bytes() == published, "the exported results differ from the published example"
    # the matrix on the page puts each sector where the build-time example does
    ex = compute_example(datasets["valorization"])
    payload = json.loads(page.text_content(".ki-calc script.ki-calc-data"))
    shown = page.eval_on_selector_all(".ki-calc-matrix tbody tr", "rows => rows.map(r => r.lastChild.textContent)")
    expected = [payload["quadrant_names"][row["quadrant"]] for row in ex.matrix["primer"].values()]
    assert shown == expected
    # offline: computing fetched nothing, and nothing outside this site was ever asked for
    host = urlparse(server).netloc
    assert all(urlparse(u).netloc == host for u in requests if u.startswith("http")), requests
    assert all(u.startswith("blob:") or "/kalkulator/" not in u for u in requests[before:])


@pytest.mark.parametrize("edition", EDITIONS)
def test_bad_file_names_row_and_column(page, server, calculator_page, datasets, edition, tmp_path):
    lang = CODE[edition]
    open_calculator(page, server, calculator_page, edition)
    payload = json.loads(page.text_content(".ki-calc script.ki-calc-data"))
    codes = [i["id"] for i in payload["params"]["indicators"]]
    # text in a number cell (row 4, third indicator = column D) and an empty row (row 5)
    names = [payload["indicator_names"][c] for c in codes]
    rows = [["Naziv", *names], ["unit", *codes], ["A", *("1" for _ in codes)],
            ["B", "2", "2", "dva", *("2" for _ in codes[3:])], ["", *("" for _ in codes)], ["C", *("3" for _ in codes)]]
    upload(page, tmp_path, "los.csv", csv_text(rows))
    wait_state(page, "error")
    messages = page.text_content(".ki-calc .ki-calc-messages")
    template = payload["ui"]["msg_not_a_number"]
    expected = template.replace("{1}", "4").replace("{2}", f"{codes[2]} (D)").replace("{3}", "dva")
    assert expected in messages
    assert payload["ui"]["msg_empty_row"].replace("{1}", "5") in messages
    assert page.is_disabled(".ki-calc button[data-action=export]")
    # a missing column
    rows = [["Naziv", *names[:-1]], ["unit", *codes[:-1]], ["A", *("1" for _ in codes[:-1])]]
    upload(page, tmp_path, "kolona.csv", csv_text(rows))
    page.wait_for_function("(code) => document.querySelector('.ki-calc-messages').textContent.includes(code)",
                           arg=codes[-1])
    assert payload["ui"]["msg_missing_column"].replace("{1}", codes[-1]) in page.text_content(".ki-calc-messages")
    if lang == "cyr":
        assert "Ред" in messages or "ред" in messages


def test_without_javascript_only_the_downloads_and_the_note_show(browser, server, calculator_page):
    """The form needs the script: without it the head's <noscript> style hides it and the block's
    note points to the spreadsheets, whose links still work."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(page_url(server, "sr-Latn", calculator_page))
        assert page.locator(".ki-calc-downloads a").first.is_visible()
        assert page.locator(".ki-calc noscript").count() == 1
        assert "JavaScript" in page.inner_text(".ki-calc")   # the <noscript> note is rendered as text
        assert not page.locator("form.ki-calc-form").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_downloads_of_the_block_exist(page, server, calculator_page, edition):
    open_calculator(page, server, calculator_page, edition)
    links = page.eval_on_selector_all(".ki-calc-downloads a", "els => els.map(a => a.href)")
    assert len(links) == 7
    for link in links:
        response = page.request.get(link)
        assert response.status == 200, link
        assert response.body()[:2] in (b"PK", b"\xef\xbb"), link   # zip (XLSX, ODS) or CSV with a BOM


def test_calculator_with_results_is_accessible(page, server, site, calculator_page, datasets, tmp_path):
    open_calculator(page, server, calculator_page, "sr-Latn")
    upload(page, tmp_path, "pokazatelji.csv", filled_template(site, datasets, "sr"))
    wait_state(page, "done")
    page.click(".ki-calc details.ki-calc-params summary")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE.replace("axe.run(document", "axe.run(document.querySelector('.ki-calc')"),
                               AXE_TAGS)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
