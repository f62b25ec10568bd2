"""The site on a phone (390 px wide) and for office software (issue 25): a wide table keeps its first
column in view while it scrolls sideways, or is shown as labelled rows; the edition switcher keeps
the section the reader is in; the self-assessment's CSV export opens right in Serbian Excel and
LibreOffice (';', decimal commas, a byte-order mark), loads back into the form, and its print view
fits the answers on a few pages."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from kgo.methods.standards import score
from tests.browser.conftest import EDITIONS, ROOT, open_page, page_url

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}

#: Pages with the kinds of table a reader meets (site paths, the same in every edition).
TABLE_PAGES = {
    "network": "mreza/",
    "working group and model acts": "prirucnik/modeli-akata/",
    "action-plan template": "prirucnik/obrasci/",
    "Pirot action plan": "agenda-pirot/akcioni-plan/",
    "standards by area": "standardi/",
    "all standards": "standardi/pregled/",
    "standards checklists": "standardi/kontrolne-liste/",
    "guidelines example": "smernice/primer/",
    "services": "usluge/",
    "funding": "finansiranje/",
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


# --- Tables ------------------------------------------------------------------------------------------

# Every table shown: scrolled sideways to its end, the first cell of each row must still sit at the
# left edge of its scroll box and be what the reader sees there; a table that does not scroll must
# fit the screen (labelled rows).
FIRST_COLUMN = """() => {
  const problems = [], kinds = {sticky: 0, rows: 0, fits: 0};
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const scroller = t => {
    for (let e = t; e && e !== document.body; e = e.parentElement) {
      const x = getComputedStyle(e).overflowX;
      if ((x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1) return e;
    }
    return null;
  };
  const name = t => (t.caption ? t.caption.textContent : t.rows[0].textContent).trim().slice(0, 50);
  document.querySelectorAll('.md-typeset table').forEach(t => {
    if (!t.offsetParent || !t.rows.length) return;  // not shown (print-only report, closed details)
    const box = scroller(t);
    if (!box) {
      kinds[t.hasAttribute('data-kg-rows') ? 'rows' : 'fits'] += 1;
      const r = t.getBoundingClientRect();
      if (r.right > innerWidth + 1) problems.push(`${name(t)}: sticks out of the screen (${Math.round(r.right)} px)`);
      return;
    }
    kinds.sticky += 1;
    t.scrollIntoView({block: 'start'});
    window.scrollBy(0, -header - 40);
    box.scrollLeft = box.scrollWidth;
    const edge = box.getBoundingClientRect().left;
    for (const row of t.rows) {
      const cell = row.cells[0];
      const r = cell.getBoundingClientRect();
      if (Math.abs(r.left - Math.max(edge, 0)) > 24) {
        problems.push(`${name(t)}: first cell "${cell.textContent.trim().slice(0, 30)}" at ${Math.round(r.left)} px `
                      + `after scrolling (box edge ${Math.round(edge)} px)`);
        break;
      }
      const y = r.top + Math.min(r.height / 2, 12);
      if (y > header && y < innerHeight && r.width > 0) {
        const seen = document.elementFromPoint(r.left + Math.min(6, r.width / 2), y);
        if (seen && !cell.contains(seen)) {
          problems.push(`${name(t)}: first cell "${cell.textContent.trim().slice(0, 30)}" is covered by `
                        + `"${seen.textContent.trim().slice(0, 30)}"`);
          break;
        }
      }
    }
    box.scrollLeft = 0;
  });
  return {problems, kinds};
}"""


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", TABLE_PAGES)
def test_no_table_loses_its_first_column(phone, server, edition, name):
    url = page_url(server, edition, TABLE_PAGES[name])
    open_page(phone, url)
    found = phone.evaluate(FIRST_COLUMN)
    assert sum(found["kinds"].values()), f"{url}: no table shown"
    assert not found["problems"], f"{url} at 390 px:\n" + "\n".join(found["problems"])


def test_long_first_columns_become_labelled_rows_on_phones_only(phone, server):
    url = page_url(server, "sr-Latn", TABLE_PAGES["Pirot action plan"])
    open_page(phone, url)
    table = phone.locator("table[data-kg-rows]").first
    assert table.count(), "the action plan is not shown as labelled rows"
    labels = table.evaluate("t => [...t.tHead.rows[0].cells].map(c => c.textContent.trim())")
    cell = table.locator("tbody tr").first.locator("td").nth(1)
    assert cell.get_attribute("data-label") == labels[1]
    assert phone.evaluate("el => getComputedStyle(el, '::before').content", cell.element_handle()) == f'"{labels[1]}"'
    assert table.get_attribute("role") == "table" and cell.get_attribute("role") == "cell"
    phone.set_viewport_size({"width": 1280, "height": 900})
    assert table.evaluate("t => getComputedStyle(t.tBodies[0].rows[0]).display") == "table-row"
    phone.emulate_media(media="print")
    phone.set_viewport_size(PHONE)
    try:
        assert table.evaluate("t => getComputedStyle(t.tBodies[0].rows[0]).display") == "table-row", \
            "labelled rows in print: print and the PDF keep the full table"
    finally:
        phone.emulate_media(media="screen")


# --- The edition switcher keeps the place -------------------------------------------------------------


def switch(page, edition: str) -> None:
    """Open the switcher in the header and choose an edition (as a reader taps it)."""
    page.click(".md-header .md-select > button")
    link = page.locator(f".md-select__link[lang='{edition}']")
    link.wait_for(state="visible")
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")


def headings(page) -> list[str]:
    return page.eval_on_selector_all(".md-content article h2[id]", "els => els.map(e => e.id)")


def in_view(page, anchor: str) -> bool:
    return page.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight; }""", anchor)


def test_switcher_keeps_the_anchor(phone, server, key_pages):
    chapter = key_pages["prirucnik"]
    open_page(phone, page_url(server, "sr-Latn", chapter))
    anchor = headings(phone)[len(headings(phone)) // 2]
    phone.goto("about:blank")
    open_page(phone, page_url(server, "sr-Latn", chapter) + "#" + anchor)
    for edition in ("sr-Cyrl", "en", "sr-Latn"):
        switch(phone, edition)
        assert phone.url == page_url(server, edition, chapter) + "#" + anchor, f"switching to {edition}"
        assert phone.get_attribute("html", "lang") == edition
        assert in_view(phone, anchor), f"{edition}: the section #{anchor} is not on screen"


def test_switcher_keeps_the_section_scrolled_to(phone, server, key_pages):
    chapter = key_pages["prirucnik"]
    open_page(phone, page_url(server, "sr-Cyrl", chapter))
    switch(phone, "en")
    assert phone.url == page_url(server, "en", chapter), "at the top of a page no anchor is added"
    anchor = headings(phone)[len(headings(phone)) // 2]
    phone.evaluate("id => document.getElementById(id).scrollIntoView({block: 'start'})", anchor)
    phone.mouse.wheel(0, 200)  # a little further into the section
    phone.wait_for_timeout(200)
    switch(phone, "sr-Cyrl")
    assert phone.url == page_url(server, "sr-Cyrl", chapter) + "#" + anchor
    assert in_view(phone, anchor)


# --- The self-assessment's CSV files and print view ---------------------------------------------------

RECORD = {"municipality": "Opština Primer", "date": "2026-12-01",
          "assessors": "Koordinatorka KLER-a; službenik za finansije, \"Primer\""}
NOTE = "Odluka skupštine, 2024; nacrt \"plana\""
MAX_PRINTED_PAGES = 4  # A4: the header, the result, the areas and 51 answers with notes


@pytest.fixture(scope="module")
def standards() -> dict:
    return yaml.safe_load((ROOT / "data" / "standards.yaml").read_text(encoding="utf-8"))


def mixed_answers(data: dict) -> dict[str, str]:
    """Every answer in turn (partly met gives quarter points: decimals), every seventh left open."""
    cycle = [a["id"] for a in data["scoring"]["answers"]]
    return {s["id"]: cycle[i % len(cycle)] for i, s in enumerate(data["standards"]) if i % 7 != 6}


def open_form(page, server, path: str, edition: str) -> dict:
    page.on("dialog", lambda dialog: dialog.accept())
    open_page(page, page_url(server, edition, path))
    page.wait_for_selector("form.ki-sa[data-ki-sa-ready='1'] .ki-sa-result:not([hidden])")
    return json.loads(page.text_content("form.ki-sa script.ki-sa-data"))


def fill(page, answers: dict[str, str], notes: dict[str, str]) -> None:
    for key, value in RECORD.items():
        page.fill(f"form.ki-sa [data-record='{key}']", value)
    for sid, value in answers.items():
        page.check(f"form.ki-sa input[type=radio][data-standard='{sid}'][value='{value}']")
    for sid, value in notes.items():
        page.fill(f"form.ki-sa textarea[data-standard='{sid}']", value)
    page.dispatch_event("form.ki-sa textarea[data-record='assessors']", "input")


def form_state(page) -> tuple[dict, dict, dict]:
    answers = page.eval_on_selector_all("form.ki-sa input[type=radio]:checked",
                                        "els => Object.fromEntries(els.map(e => [e.dataset.standard, e.value]))")
    notes = page.eval_on_selector_all(
        "form.ki-sa textarea[data-standard]",
        "els => Object.fromEntries(els.filter(e => e.value).map(e => [e.dataset.standard, e.value]))")
    record = {key: page.input_value(f"form.ki-sa [data-record='{key}']") for key in RECORD}
    return answers, notes, record


def export(page, tmp_path: Path) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click("form.ki-sa button[data-action='export']")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return info.value.suggested_filename, target.read_bytes()


def load(page, path: Path) -> str:
    page.set_input_files("form.ki-sa .ki-sa-load input[type=file]", str(path))
    status = page.locator("form.ki-sa .ki-sa-load__status")
    status.filter(has_text=re.compile(r"\S")).wait_for()
    return status.text_content()


def points(value: float, decimal: str) -> str:
    """Points as the form writes them: 3, 0,75 / 0.75 (no trailing zeros beyond the quarter)."""
    decimals = 0 if float(value).is_integer() else 1 if (value * 2).is_integer() else 2
    return f"{value:.{decimals}f}".replace(".", decimal)


@pytest.mark.parametrize("edition", ["sr-Latn", "sr-Cyrl", "en"])
def test_csv_export_opens_right_and_loads_back(browser, server, key_pages, standards, edition, tmp_path):
    path = key_pages["self-assessment"]
    answers = mixed_answers(standards)
    notes = {standards["standards"][0]["id"]: NOTE, standards["standards"][5]["id"]: "Ugovor br. 12/2025"}
    writer = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = writer.new_page()
    data = open_form(page, server, path, edition)
    fill(page, answers, notes)
    name, raw = export(page, tmp_path)
    writer.close()

    serbian = edition != "en"
    delimiter, decimal = (";", ",") if serbian else (",", ".")
    assert data["csv"] == {"delimiter": delimiter, "decimal": decimal}
    assert name == f"samoprocena-standardi-opstina-primer-{RECORD['date']}-{data['filenames']['suffix']}.csv"
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel would guess the encoding"
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].count(delimiter) == len(data["csv_columns"]) - 1, f"header not split by {delimiter}"
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows[0] == data["csv_columns"]
    assert all(len(row) == len(rows[0]) for row in rows), "a row has another number of cells"
    by_id = {s["id"]: s for s in standards["standards"]}
    factors = {a["id"]: a["factor"] for a in standards["scoring"]["answers"]}
    codes = {v: k for k, v in data["codes"].items()}
    for row in rows[1:-1]:
        sid = codes[row[0]]
        expected = points(factors[answers[sid]] * by_id[sid]["points"], decimal) if sid in answers else ""
        assert row[9] == expected, f"{row[0]}: earned {row[9]!r}, expected {expected!r}"
        assert row[11:14] == [RECORD["municipality"], RECORD["date"], RECORD["assessors"]]
    assert any(decimal in row[9] for row in rows[1:-1]), "no decimal points earned: the test proves nothing"
    other = "." if serbian else ","
    assert not any(other in row[9] for row in rows[1:]), "a decimal mark of the other dialect"
    # The row of totals: maximum points, points earned, the percentage and the outcome.
    result = score(standards, answers)
    total = rows[-1]
    assert total[0] in data["total_labels"]
    assert total[4] == str(result.maximum)
    assert total[9] == points(result.earned, decimal)
    assert total[10] == f"{result.percent:.1f}%".replace(".", decimal)
    assert total[8] == data["outcomes"][result.level]["label"]

    # Loads back into a fresh browser (another computer): answers, notes and record.
    reader = browser.new_context(viewport=PHONE)
    page = reader.new_page()
    try:
        open_form(page, server, path, edition)
        assert form_state(page)[0] == {}, "a fresh browser should start empty"
        (tmp_path / name).write_bytes(raw)
        message = load(page, tmp_path / name)
        assert page.get_attribute("form.ki-sa .ki-sa-load__status", "data-problem") is None, message
        assert form_state(page) == (answers, notes, RECORD)
        assert str(len(answers)) in message
        # ... and survives a reload, as answers typed in do.
        page.reload(wait_until="load")
        page.wait_for_selector("form.ki-sa[data-ki-sa-ready='1'] .ki-sa-result:not([hidden])")
        assert form_state(page) == (answers, notes, RECORD)
    finally:
        reader.close()


def test_a_file_of_another_edition_loads_and_a_wrong_file_changes_nothing(browser, server, key_pages, standards,
                                                                          tmp_path):
    path = key_pages["self-assessment"]
    answers = mixed_answers(standards)
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    try:
        open_form(page, server, path, "sr-Cyrl")
        fill(page, answers, {})
        name, raw = export(page, tmp_path)
        open_form(page, server, path, "en")
        page.click("form.ki-sa button[data-action='reset']")
        assert form_state(page)[0] == {}
        (tmp_path / name).write_bytes(raw)
        load(page, tmp_path / name)
        assert form_state(page)[0] == answers, "answers saved in the Cyrillic edition did not load into English"

        wrong = tmp_path / "budzet.csv"
        wrong.write_text("Pozicija;Iznos\nKultura;1.232,5\n", encoding="utf-8-sig")
        message = load(page, wrong)
        assert page.get_attribute("form.ki-sa .ki-sa-load__status", "data-problem") is not None
        assert "budzet.csv" in message
        assert form_state(page)[0] == answers, "a wrong file changed the answers"
    finally:
        context.close()


def test_print_view_fits_the_answers_on_a_few_pages(phone, server, key_pages, standards):
    data = open_form(phone, server, key_pages["self-assessment"], "sr-Cyrl")
    answers = mixed_answers(standards)
    notes = {s["id"]: NOTE for s in standards["standards"][::4]}
    fill(phone, answers, notes)
    phone.emulate_media(media="print")
    try:
        report = phone.text_content("form.ki-sa .ki-sa-report")
        for value in (RECORD["municipality"], RECORD["date"], RECORD["assessors"], NOTE):
            assert value in report
        assert not phone.is_visible("form.ki-sa .ki-sa-item"), "the questions are printed, not only the answers"
        assert not phone.is_visible("form.ki-sa .ki-sa-load"), "the load control is printed"
        rows = phone.locator("form.ki-sa .ki-sa-report__answers tbody tr")
        assert rows.count() == len(standards["standards"])
        pdf = phone.pdf(format="A4", print_background=False)
    finally:
        phone.emulate_media(media="screen")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= MAX_PRINTED_PAGES, f"the print view takes {pages} A4 pages"
    assert data["outcomes"]


# --- Someone to call ------------------------------------------------------------------------------


def test_contact_details_need_a_source_from_the_data(tmp_path):
    """The schema refuses a contact detail without its source (address and access date)."""
    from kgo.data.loader import load_one

    data = yaml.safe_load((ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8"))
    assert all(d["source"]["url"] and d["source"]["accessed"] for o in data["organisations"] for d in o["details"])
    undated_source = {"title": "t", "publisher": "p", "date": "2026"}  # no address, no access date
    for broken in ({"kind": "phone", "value": "018 000 000"},
                   {"kind": "email", "value": "x@primer.rs", "source": undated_source}):
        bad = json.loads(json.dumps(data))
        bad["organisations"][0]["details"].append(broken)
        folder = tmp_path / broken["kind"]
        folder.mkdir()
        for name in ("common.schema.json", "contacts.schema.json"):
            (folder / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "contacts.yaml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
        _, errors = load_one(folder / "contacts.yaml", "contacts", folder)
        assert errors, f"a {broken['kind']} without a full source passed the schema"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_agency_and_the_corrections_contact_are_on_the_pages_and_in_the_footer(phone, server, edition):
    data = yaml.safe_load((ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8"))
    agency = data["organisations"][0]
    website = next(d for d in agency["details"] if d["kind"] == "website")
    for path in ("usluge/", "mreza/", "o-projektu/"):
        open_page(phone, page_url(server, edition, path))
        block = phone.locator(f".data-contacts#contact-{agency['id']}")
        assert block.count() == 1, f"{edition} {path}: no contact block"
        assert block.locator(f"a[href='{website['value']}']").count() == 1
        assert block.locator(f"a[href='{website['source']['url']}']").count() == 1, "the source is not cited"
    assert phone.locator(".data-corrections").count() == 1, "the about page does not say how to report errors"
    assert "@" not in phone.text_content(".data-corrections"), "an e-mail address for corrections is invented"
    footer = phone.locator(".md-footer .kg-footer-contact a")
    assert footer.count() == 2
    assert footer.nth(1).get_attribute("href").endswith("/issues/new/choose")
    with phone.expect_navigation():
        footer.nth(0).click()
    assert phone.url.endswith("usluge/#contacts") and in_view(phone, "contacts")
