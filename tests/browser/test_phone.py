"""The site on a phone (390 px wide) and for office software (issue 25): a wide table keeps its first
column in view while it scrolls sideways, or is shown as labelled rows; the edition switcher keeps
the section the reader is in; the self-assessment's CSV export opens right in Serbian Excel and
LibreOffice (';', decimal commas, a byte-order mark), loads back into the form, and its print view
fits the answers on a few pages."""

from __future__ import annotations

import pytest

from tests.browser.conftest import EDITIONS, open_page, page_url

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
